import { registry } from '@generated/registry'
import { createTuyau } from '@tuyau/core/client'

/**
 * Call `client.request<'route.name'>('route.name', …)` with the name as a type
 * argument too: inferring it makes TypeScript weigh every route's arguments,
 * which grows past what it can represent as routes are added.
 */
export const client = createTuyau({ baseUrl: '/', registry })

export const urlFor = client.urlFor
