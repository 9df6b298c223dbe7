/**
 * Renders the home-screen icons the web app manifest (public/manifest.webmanifest)
 * names, from the porch light in resources/icons/porchlight.svg:
 *   - icon-192.png, icon-512.png: the light on a dark rounded square;
 *   - maskable-512.png: the same on a full-bleed square, the light inside the
 *     central safe zone (a circle of 80% of the width) launchers keep when they crop;
 *   - apple-touch-icon.png (180 px): iOS rounds the corners itself.
 * Run: `npm run icons:generate`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

const ROOT = new URL('../', import.meta.url).pathname
const OUT_DIR = join(ROOT, 'public/icons')
const LIGHT = readFileSync(join(ROOT, 'resources/icons/porchlight.svg'))
/** stone-800, the night the light shines into. */
const BACKGROUND = '#292524'

type Icon = { file: string; size: number; rounded: boolean; lightShare: number }

const ICONS: Icon[] = [
  { file: 'icon-192.png', size: 192, rounded: true, lightShare: 0.8 },
  { file: 'icon-512.png', size: 512, rounded: true, lightShare: 0.8 },
  { file: 'maskable-512.png', size: 512, rounded: false, lightShare: 0.6 },
  { file: 'apple-touch-icon.png', size: 180, rounded: false, lightShare: 0.75 },
]

async function render({ file, size, rounded, lightShare }: Icon) {
  const radius = rounded ? Math.round(size * 0.18) : 0
  const square = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<rect width="${size}" height="${size}" rx="${radius}" fill="${BACKGROUND}"/></svg>`
  )
  const lightSize = Math.round(size * lightShare)
  const light = await sharp(LIGHT, { density: 72 * (lightSize / 64) * 2 })
    .resize(lightSize, lightSize)
    .png()
    .toBuffer()
  await sharp(square)
    .composite([{ input: light, gravity: 'center' }])
    .png({ compressionLevel: 9 })
    .toFile(join(OUT_DIR, file))
}

for (const icon of ICONS) await render(icon)
console.log(`wrote ${ICONS.map((icon) => icon.file).join(', ')} to public/icons`)
