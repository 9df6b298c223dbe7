/*
| Validation messages written for the people who read them.
*/
import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { RequestValidator } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'

vine.messagesProvider = new SimpleMessagesProvider({
  'required': 'Enter the {{ field }}',
  'email': 'Enter a valid email address',
  'minLength': 'The {{ field }} must be at least {{ min }} characters',
  'maxLength': 'The {{ field }} must be at most {{ max }} characters',
  'confirmed': 'The passwords do not match',
  'database.unique': 'That {{ field }} is already taken',
  'enum': 'Choose one of: {{ choices }}',
  'regex': 'The {{ field }} has the wrong format',
  'number': 'The {{ field }} must be a number',
  'min': 'The {{ field }} must be at least {{ min }}',
  'max': 'The {{ field }} must be at most {{ max }}',
})

/*
| Forms validated with `request.validateUsing` answer in the reader's language
| (resources/lang/<locale>/validator.json); the REST API's is always English
| (see the detect_user_locale middleware).
*/
class ReaderMessagesProvider implements MessagesProviderContact {
  #messages: MessagesProviderContact

  constructor(i18n: I18n) {
    this.#messages = i18n.createMessagesProvider()
  }

  // ICU formats a list argument (an enum's choices) as a list of parts, not as text.
  getMessage(message: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
    const args =
      meta &&
      Object.fromEntries(
        Object.entries(meta).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(', ') : value,
        ])
      )
    return this.#messages.getMessage(message, rule, field, args)
  }
}

RequestValidator.messagesProvider = (ctx) =>
  new ReaderMessagesProvider(ctx.i18n ?? i18nManager.locale(i18nManager.defaultLocale))
