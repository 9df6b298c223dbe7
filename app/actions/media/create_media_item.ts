import { rm } from 'node:fs/promises'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import MediaItem from '#models/media_item'
import type Membership from '#models/membership'
import { mediaLimitsFor } from '#services/media/limits'
import { fitPicture, pictureType } from '#services/media/pictures'
import { newMediaKey } from '#services/media/storage'

/** An upload written to disk: its path, the name it came with and its size. */
type Params = { actor: Membership; file: Pick<MultipartFile, 'tmpPath' | 'clientName' | 'size'> }

/**
 * Adds an uploaded picture to the organization's library: checked by its
 * content, fitted to the limits of the providers the organization sends
 * through, and kept with its original.
 */
export default class CreateMediaItem {
  static async handle({ actor, file }: Params) {
    const organizationId = actor.organizationId
    const tmpPath = file.tmpPath!
    const originalType = await pictureType(tmpPath)
    const fitted = await fitPicture(
      tmpPath,
      originalType,
      file.size,
      await mediaLimitsFor(organizationId)
    )

    const disk = drive.use()
    const originalKey = newMediaKey(organizationId, 'library', originalType)
    const storageKey = newMediaKey(organizationId, 'library', fitted.contentType)
    await disk.put(storageKey, fitted.data)
    await disk.moveFromFs(tmpPath, originalKey)
    try {
      return await MediaItem.create({
        organizationId,
        uploadedById: actor.userId,
        name: (file.clientName || 'picture').slice(0, 255),
        storageKey,
        contentType: fitted.contentType,
        bytes: fitted.data.length,
        width: fitted.width,
        height: fitted.height,
        originalKey,
        originalContentType: originalType,
        originalBytes: file.size,
      })
    } catch (error) {
      await Promise.all([
        disk.delete(storageKey),
        disk.delete(originalKey),
        rm(tmpPath, { force: true }),
      ])
      throw error
    }
  }
}
