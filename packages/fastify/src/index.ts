export { type BatonFastifyOptions, batonFastify } from './plugin.js';
