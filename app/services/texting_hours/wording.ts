import i18nManager from '@adonisjs/i18n/services/main'
import type { Reader } from '#exceptions/refusal_wording'
import { clockMinutes } from '#services/texting_hours/clock'
import type { TextingHoursReason } from '#services/texting_hours/index'

/**
 * A texting window's reason in the reader's language (`texting.hours.*`), its
 * wall-clock times written the way that language writes times ("9:00 AM",
 * "9:00"). Pages and flashed refusals word it for their reader; logs, stored
 * send failures and the REST API use `textingHoursInEnglish`.
 */
export function wordTextingHours(reason: TextingHoursReason, i18n: Reader) {
  if (reason.kind === 'no_time') return i18n.t('texting.hours.noTime')
  const clock = clockFormatter(i18n.locale)
  const times = Object.entries(reason.localTimes).map(([zone, time]) => ({
    zone,
    time: clock(time),
  }))
  const where =
    reason.zoneSource === 'all_us'
      ? i18n.t('texting.hours.where.allUs')
      : reason.zoneSource === 'contact'
        ? i18n.t('texting.hours.where.contact', times[0])
        : i18n.t('texting.hours.where.candidates', {
            times: new Intl.ListFormat(i18n.locale, { type: 'unit' }).format(
              times.map((each) => i18n.t('texting.hours.where.candidate', each))
            ),
          })
  return i18n.t('texting.hours.outside', {
    start: clock(reason.window.start),
    end: clock(reason.window.end),
    where,
  })
}

export function textingHoursInEnglish(reason: TextingHoursReason) {
  return wordTextingHours(reason, i18nManager.locale('en'))
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** "HH:mm" as the locale writes a time of day. */
function clockFormatter(locale: string) {
  let format = formatters.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    })
    formatters.set(locale, format)
  }
  // Some ICU versions put a narrow no-break space before AM/PM; text reads the same with a plain one.
  return (clock: string) => format.format(clockMinutes(clock) * 60_000).replace(/\u202f/g, ' ')
}
