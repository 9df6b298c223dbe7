import { test } from '@japa/runner'
import sharp from 'sharp'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'

type Manifest = {
  name: string
  start_url: string
  display: string
  theme_color: string
  icons: { src: string; sizes: string; type: string; purpose: string }[]
}

test.group('Web app | installable to a home screen', () => {
  test('the manifest names the app, its start page, theme colour and icons that exist at their size', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/manifest.webmanifest')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'manifest+json')
    const manifest = JSON.parse(response.text()) as Manifest
    assert.equal(manifest.name, 'Porchlight')
    assert.equal(manifest.start_url, '/')
    assert.equal(manifest.display, 'standalone')
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/)

    const purposes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)
    assert.includeMembers(purposes, ['192x192 any', '512x512 any', '512x512 maskable'])
    for (const icon of manifest.icons) {
      const image = await fetch(`${appUrl}${icon.src}`)
      assert.equal(image.status, 200, icon.src)
      assert.equal(image.headers.get('content-type'), icon.type)
      const bytes = Buffer.from(await image.arrayBuffer())
      const { width, height, format } = await sharp(bytes).metadata()
      assert.equal(`${width}x${height}`, icon.sizes, icon.src)
      assert.equal(format, 'png')
    }
  })

  test('every page links the manifest, the theme colour and a keyboard-aware viewport', async ({
    client,
    assert,
  }) => {
    const answer = await client.get('/manifest.webmanifest')
    const manifest = JSON.parse(answer.text()) as Manifest
    const page = await client.get(urlFor('session.create'))
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<link rel="manifest" href="/manifest.webmanifest" />')
    assert.include(html, `<meta name="theme-color" content="${manifest.theme_color}" />`)
    assert.include(html, 'interactive-widget=resizes-content')
    assert.include(html, '<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />')
  })
})
