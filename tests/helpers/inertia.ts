import type { ApiResponse } from '@japa/api-client'

export type InertiaPage = { component: string; props: Record<string, any> }

/**
 * The Inertia page a web response rendered, read from the JSON the HTML
 * shell embeds for the client.
 */
export function inertiaPage(response: ApiResponse): InertiaPage {
  const match = response
    .text()
    .match(/<script data-page="app" type="application\/json">(.*?)<\/script>/s)
  if (!match) {
    throw new Error(`Expected an Inertia page, got status ${response.status()}`)
  }
  return JSON.parse(match[1])
}
