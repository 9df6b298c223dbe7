import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import tailwindcss from '@tailwindcss/vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  // Two test runs at once keep their own pre-bundled dependencies (README, Tests).
  cacheDir: process.env.VITE_CACHE_DIR,
  plugins: [
    vue(),
    tailwindcss(),
    adonisjs({ entryPoints: ['inertia/app.ts'], reload: ['resources/views/**/*.edge'] }),
  ],
  // Only the browser's bundle: pages are not rendered on the server (config/inertia.ts), and
  // Vite's default of building every environment had the server bundle empty public/assets
  // after the browser's was written, leaving a build whose pages never loaded.
  builder: {
    buildApp: async (builder) => {
      await builder.build(builder.environments.client)
    },
  },
  resolve: {
    alias: {
      '~/': `${import.meta.dirname}/inertia/`,
      '@generated': `${import.meta.dirname}/.adonisjs/client/`,
    },
  },
})
