import type Organization from '#models/organization'

export type ReplyLanguage = 'en' | 'es'

/** The organization's one confirmation of an opt-out, in the language the person wrote in. */
export function optOutReply(organization: Organization, language: ReplyLanguage) {
  const { optOutReply: english, optOutReplyEs: spanish } = organization.settings
  return language === 'es' ? spanish : english
}

/** HELP must say who is texting; the org's reply is prefixed with its name unless it names itself. */
export function helpReply(organization: Organization, language: ReplyLanguage) {
  const { helpReply: english, helpReplyEs: spanish } = organization.settings
  const reply = language === 'es' ? spanish : english
  return reply.toLowerCase().includes(organization.name.toLowerCase())
    ? reply
    : `${organization.name}: ${reply}`
}
