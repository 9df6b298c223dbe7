/**
 * The endpoint form as the validator reads it: checkboxes send nothing when
 * unticked, and one ticked box sends a string, so both become lists and
 * booleans.
 */
export function webhookEndpointFormData(data: Record<string, any>) {
  return {
    url: data.url,
    events: [data.events ?? []].flat(),
    enabled: data.enabled === 'on',
  }
}
