import vine from '@vinejs/vine'
import { EXPORT_KINDS } from '#models/export'

export const exportValidator = vine.create({ kind: vine.enum(EXPORT_KINDS) })
