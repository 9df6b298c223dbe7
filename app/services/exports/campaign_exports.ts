import type { ExportKind } from '#models/export'
import type { ExportWriter } from '#services/exports/export_writer'
import { contactsExport } from '#services/exports/contacts_export'
import { messagesExport } from '#services/exports/messages_export'

/** The writer of each kind of campaign export. */
export const EXPORT_WRITERS: Record<ExportKind, ExportWriter> = {
  contacts: contactsExport,
  messages: messagesExport,
}
