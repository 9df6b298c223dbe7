/*
| Validation messages written for the people who read them.
*/
import vine, { SimpleMessagesProvider } from '@vinejs/vine'

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
