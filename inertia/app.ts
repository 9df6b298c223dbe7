import './css/app.css'
import { client } from '~/client'
import { followServerLocale, useLocale } from '~/i18n'
import AppLayout from '~/layouts/app.vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { TuyauProvider } from '@adonisjs/inertia/vue'
import { createApp, type DefineComponent, h } from 'vue'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'

createInertiaApp({
  title: (title) => (title ? `${title} · Porchlight` : 'Porchlight'),
  resolve: (name) =>
    resolvePageComponent(
      `./pages/${name}.vue`,
      import.meta.glob<DefineComponent>('./pages/**/*.vue'),
      AppLayout
    ),
  async setup({ el, App, props, plugin }) {
    await useLocale(String(props.initialPage.props.locale ?? 'en'))
    followServerLocale()
    createApp({ render: () => h(TuyauProvider, { client }, { default: () => h(App, props) }) })
      .use(plugin)
      .mount(el)
  },
  progress: { color: '#b45309' },
})
