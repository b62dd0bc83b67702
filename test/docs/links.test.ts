/**
 * The docs hold together: every relative link in the README, docs/*.md and the package READMEs
 * points at a file that exists (and at a heading that exists, for `#anchors` into markdown), every
 * page is in the README's docs map and links to another page, and the pages stay short.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, links, markdownFiles, ROOT, readText } from './markdown.js';

const packageReadmes = readdirSync(`${ROOT}packages`).map((dir) => `packages/${dir}/README.md`);
const files = [...markdownFiles(), ...packageReadmes];
const pages = markdownFiles().filter((f) => f.startsWith('docs/'));

describe('links in the README, docs and package READMEs', () => {
  it('point at files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const { line, target } of links(file)) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? file : normalize(join(dirname(file), path));
        if (!existsSync(`${ROOT}${resolved}`)) broken.push(`${file}:${line}: ${target} (no ${resolved})`);
        else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor))
          broken.push(`${file}:${line}: ${target} (no heading #${anchor} in ${resolved})`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });

  it('every page is in the README docs map, and links to another page', () => {
    const readmeTargets = links('README.md').map((l) => l.target.split('#')[0]);
    for (const page of pages) expect(readmeTargets, page).toContain(page);
    for (const page of pages) {
      const others = links(page).filter((l) => /^[\w-]+\.md(#|$)/.test(l.target));
      expect(others.length, page).toBeGreaterThan(0);
    }
  });

  it('README within 250 lines, each page within ~400', () => {
    expect(readText('README.md').split('\n').length).toBeLessThanOrEqual(250);
    for (const page of pages) expect(readText(page).split('\n').length, page).toBeLessThanOrEqual(420);
  });
});
