// Express 4, installed as `express4` (npm:express@4) beside Express 5: the same API for what the
// tests use (use, get, post, json, listen), typed with Express 5's declarations.
declare module 'express4' {
  import express from 'express';
  export default express;
}
