/** A picture of the organization's media library, as pickers show it. */
export type LibraryPicture = { id: number; name: string; url: string }
