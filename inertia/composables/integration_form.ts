/**
 * The integration account form as the validator reads it: empty choices
 * become null, the enabled checkbox a boolean.
 */
export function integrationFormData(data: Record<string, any>) {
  const orNull = (value: string | undefined): string | null =>
    value === '' || value === undefined ? null : value
  return {
    ...data,
    enabled: data.enabled === undefined ? true : data.enabled === 'on',
    importKind: orNull(data.importKind),
    importSourceId: orNull(data.importSourceId),
    importListId: orNull(data.importListId),
    importEveryMinutes: orNull(data.importEveryMinutes),
  }
}
