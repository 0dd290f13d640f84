// Builds the web app into dist/, which `passend serve` serves from the same origin as the
// API (src/api/static_site.h). index.html's static text (the start page and the help box,
// readable without JavaScript) is filled in from the Dutch translation file at build time,
// so every string still lives in src/locales/.
import { defineConfig, type Plugin } from 'vite';
import nl from './src/locales/nl.json';
import contact from './src/contact.json';

function lookup(tree: unknown, key: string): string {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') throw new Error(`index.html: no text for ${key}`);
  return node;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function staticText(): Plugin {
  return {
    name: 'passend-static-text',
    transformIndexHtml(html) {
      return html
        .replace(/\{\{t:([a-zA-Z0-9_.]+)\}\}/g, (_, key: string) => escapeHtml(lookup(nl, key)))
        .replace(/\{\{contact:([a-zA-Z0-9_.]+)\}\}/g, (_, key: string) =>
          escapeHtml(lookup(contact, key)),
        );
    },
  };
}

export default defineConfig({
  plugins: [staticText()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    reportCompressedSize: false,
    // The app's own modules inline nothing as data: URLs (the page's CSP allows img data:
    // only); fonts and icons stay files under assets/.
    assetsInlineLimit: 0,
  },
  // npm run dev / vite preview: the API of a running passend serve (PASSEND_API, default :8080).
  server: { proxy: { '/api': process.env.PASSEND_API ?? 'http://127.0.0.1:8080' } },
  preview: { proxy: { '/api': process.env.PASSEND_API ?? 'http://127.0.0.1:8080' } },
});
