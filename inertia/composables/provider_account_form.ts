import { numbersFromText } from '~/composables/sender_numbers'

type Field = { name: string; type?: string }

/**
 * A provider account form's data as the server takes it: the sender numbers
 * as a list, and every boolean setting as "true" or "false" — an unticked
 * checkbox sends nothing, which the server would read as "use the default".
 */
export function providerAccountFormData(data: Record<string, any>, settingFields: Field[]) {
  const settings = { ...data.settings }
  for (const field of settingFields) {
    if (field.type === 'boolean') settings[field.name] = settings[field.name] ? 'true' : 'false'
  }
  return { ...data, settings, numbers: numbersFromText(data.numbers) }
}
