import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The placeholder the server replaces with a fresh nonce per request (src/routes/console.ts). */
export const CSP_NONCE_PLACEHOLDER = '__CERTFLOW_CSP_NONCE__';

/**
 * Writes `.br` and `.gz` beside every text asset once the bundle is on disk (the final bytes:
 * Vite rewrites chunks until then), so the server sends them without compressing.
 */
function precompress(): Plugin {
  return {
    name: 'certflow-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const bytes = readFileSync(join(dir, name));
        if (bytes.length < 1024) continue;
        writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  // Vite puts this nonce on the tags it writes and on <meta property="csp-nonce">; antd reads it.
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // mermaid is one lazy chunk of ~2 MB; it loads only on the instance page.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: { '/api': server, '/auth': server, '/mail': server, '/healthz': server },
  },
});
