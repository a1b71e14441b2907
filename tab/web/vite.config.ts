import path from 'node:path';

/**
 * Vite build of the tab web app (`npm run build:tab` → tab/web/dist). One HTML entry; the API host serves it
 * for every page path (/, /dilemma, /sessie, /dashboard). The dashboard and its charts are separate chunks
 * loaded only when opened; teams-js is loaded only inside Teams.
 */
export default async () => {
  // Imported dynamically so the root `tsc` (CommonJS resolution) need not resolve this ES-only package.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const { default: react } = (await import('@vitejs/plugin-react' as string)) as { default: () => unknown };
  return {
    root: __dirname,
    base: '/',
    plugins: [react()],
    resolve: { alias: { '@shared': path.join(__dirname, '../../shared/src') } },
    logLevel: 'warn' as const,
    build: {
      outDir: path.join(__dirname, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 800,
    },
  };
};
