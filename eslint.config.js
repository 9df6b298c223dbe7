import { configApp } from '@adonisjs/eslint-config'
import { vue } from '@adonisjs/eslint-config/vue'

export default configApp(
  ...vue,
  { ignores: ['public/**', 'build/**', 'tmp/**', '.adonisjs/**', 'storage/**'] },
  {
    // Reusable Vue components are PascalCase files (see the house style).
    files: ['inertia/components/**/*.vue'],
    rules: { '@unicorn/filename-case': 'off' },
  },
  {
    // The Inertia bootstrap mounts the root with a render function.
    files: ['inertia/app.ts'],
    rules: { 'vue/component-api-style': 'off' },
  }
)
