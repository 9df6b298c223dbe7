import { defineConfig } from '@adonisjs/core/bodyparser'

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    // PUT /api/v1/contacts takes 1,000 contacts with their custom fields.
    limit: '5mb',
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  raw: { types: ['text/*'] },
  /**
   * No route reads a multipart body by itself: the few that take files read
   * it in their controller once the caller is signed in and allowed, into
   * DATA_DIR/upload-tmp, and delete the files when the request ends
   * (#services/uploads, middleware.uploads()). Anything else posted as a file
   * is never written to disk.
   */
  multipart: {
    autoProcess: false,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '200mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
