import {
  computed,
  inject,
  onBeforeUnmount,
  provide,
  reactive,
  ref,
  watch,
  type InjectionKey,
} from 'vue'
import { router, usePage } from '@inertiajs/vue3'
import { client, urlFor } from '~/client'
import { formatNumber } from '~/i18n'
import type { SurveyStep } from '~/components/SurveyStepEditor.vue'

export type TextingWindow = { start: string; end: string }
export type Audience = {
  listIds: number[]
  segmentId: number | null
  excludeListIds: number[]
  excludeRecentDays: number | null
}
export type MessagePreview = {
  rendered: string
  encoding: 'GSM-7' | 'UCS-2'
  segments: number
  characters: number
  missingFields: string[]
  nonGsmCharacters: { char: string; suggestion: string | null }[]
  lints: { code: string; message: string }[]
}
export type ScriptPreview = {
  variants: {
    template: MessagePreview
    samples: ({ contactId: number; name: string } & MessagePreview)[]
  }[]
  cost: { contacts: number; segments: number; cost: number; exact: boolean }
}
export type FollowUpStep = {
  afterHours: number
  when: 'no_reply' | 'always'
  variants: { body: string; weight: number }[]
}
export type SenderAccount = {
  id: number
  name: string
  provider: string
  status: string
  numbers: string[]
}

/** The campaign builder page's props. */
export type CampaignBuilderProps = {
  campaign: {
    id: number
    name: string
    purpose: string | null
    providerAccountId: number | null
    senderNumbers: string[]
    audience: Audience
    script: {
      initial: { body: string; weight: number }[]
      steps: SurveyStep[]
      cannedResponses: { title: string; body: string; tags: string[] }[]
      followUps: FollowUpStep[]
    }
    textingHours: TextingWindow | null
    batchSize: number
    maxContactsPerTexter: number | null
    allowInitialEdit: boolean
  } | null
  lists: { id: number; name: string }[]
  segments: { id: number; name: string }[]
  accounts: SenderAccount[]
  orgTextingHours: TextingWindow
  pricePerSegment: number
}

export const BUILDER_STEPS = [
  'Name & purpose',
  'Audience',
  'Sender',
  'Texting hours',
  'Assignment',
  'Script',
  'Review',
] as const

/** Which step holds each field, so a refused save opens the right one. */
export function stepOf(field: string) {
  if (field.startsWith('audience')) return 1
  if (field.startsWith('providerAccountId') || field.startsWith('senderNumbers')) return 2
  if (field.startsWith('textingHours')) return 3
  if (['batchSize', 'maxContactsPerTexter', 'allowInitialEdit'].includes(field)) return 4
  if (field.startsWith('script')) return 5
  return 0
}

export const money = (value: number, digits = 2) =>
  formatNumber(value, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: digits,
  })

function initialForm(props: CampaignBuilderProps) {
  const initial = props.campaign
  return {
    name: initial?.name ?? '',
    purpose: initial?.purpose ?? '',
    audience: {
      ...(initial?.audience ?? {
        listIds: [],
        segmentId: null,
        excludeListIds: [],
        excludeRecentDays: null,
      }),
    },
    providerAccountId: initial?.providerAccountId ?? props.accounts[0]?.id ?? null,
    usePool: !initial?.senderNumbers.length,
    senderNumbers: [...(initial?.senderNumbers ?? [])],
    ownHours: Boolean(initial?.textingHours),
    textingHours: { ...(initial?.textingHours ?? props.orgTextingHours) },
    batchSize: initial?.batchSize ?? 200,
    maxContactsPerTexter: initial?.maxContactsPerTexter ?? null,
    allowInitialEdit: initial?.allowInitialEdit ?? false,
    initial: initial?.script.initial.map((variant) => ({ ...variant })) ?? [
      {
        body: 'Hi {firstName}, this is {texterName} with {orgName}. … Reply STOP to opt out',
        weight: 1,
      },
    ],
    // A deep copy: props are read-only proxies (which structuredClone refuses).
    steps: JSON.parse(JSON.stringify(initial?.script.steps ?? [])) as SurveyStep[],
    cannedResponses: (initial?.script.cannedResponses ?? []).map((response) => ({
      title: response.title,
      body: response.body,
      tags: response.tags.join(', '),
    })),
    followUps: (initial?.script.followUps ?? []).map(followUpForm),
  }
}

/** A follow-up step as the form edits it: the delay in whole days when it is one. */
function followUpForm(step: FollowUpStep) {
  const inDays = step.afterHours % 24 === 0
  return {
    delay: inDays ? step.afterHours / 24 : step.afterHours,
    unit: (inDays ? 'days' : 'hours') as 'days' | 'hours',
    when: step.when,
    variants: step.variants.map((variant) => ({ ...variant })),
  }
}

/** A new follow-up step: two days after the previous text, unless they replied. */
export const newFollowUp = () =>
  followUpForm({ afterHours: 48, when: 'no_reply', variants: [{ body: '', weight: 1 }] })
export type CampaignForm = ReturnType<typeof initialForm>

/** The body the server takes (the API's campaign shape). */
function payloadOf(form: CampaignForm) {
  return {
    name: form.name,
    purpose: form.purpose || null,
    providerAccountId: form.providerAccountId,
    senderNumbers: form.usePool ? [] : form.senderNumbers,
    audience: form.audience,
    script: {
      initial: form.initial,
      steps: form.steps,
      cannedResponses: form.cannedResponses.map((response) => ({
        title: response.title,
        body: response.body,
        tags: response.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      })),
      followUps: form.followUps.map((step) => ({
        afterHours: Number(step.delay) * (step.unit === 'days' ? 24 : 1),
        when: step.when,
        variants: step.variants,
      })),
    },
    textingHours: form.ownHours ? form.textingHours : null,
    batchSize: Number(form.batchSize),
    maxContactsPerTexter: form.maxContactsPerTexter ? Number(form.maxContactsPerTexter) : null,
    allowInitialEdit: form.allowInitialEdit,
  }
}

/**
 * The live audience count (after opt-outs, erased and invalid numbers are
 * removed) and the script figures (each variant as written and for sample
 * contacts, and the cost), read again shortly after the audience or the
 * initial message changes. Only the latest answer counts.
 */
function useLiveFigures(form: CampaignForm) {
  const count = ref<number | null>(null)
  const counting = ref(false)
  /** Why there is no count: the audience is too slow to read, or the readers are busy. */
  const countProblem = ref<string | null>(null)
  const preview = ref<ScriptPreview | null>(null)
  /** Each follow-up step's figures, as the initial message's (its cost as if everyone got it). */
  const followUpPreviews = ref<(ScriptPreview | null)[]>([])

  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0
  async function refresh() {
    const ticket = ++latest
    counting.value = true
    const [counted, countError] = await client
      .request<'campaigns.audience_count'>('campaigns.audience_count', {
        body: { audience: form.audience },
      })
      .safe()
    const variants = form.initial.filter((variant) => variant.body.trim())
    const previewOf = async (bodies: { body: string; weight: number }[]) => {
      const written = bodies.filter((variant) => variant.body.trim())
      if (!written.length) return null
      const [previewed] = await client
        .request<'campaigns.preview'>('campaigns.preview', {
          body: { audience: form.audience, variants: written },
        })
        .safe()
      return previewed as ScriptPreview | null
    }
    const previewed = variants.length ? await previewOf(variants) : null
    const stepPreviews = await Promise.all(form.followUps.map((step) => previewOf(step.variants)))
    if (ticket !== latest) return
    followUpPreviews.value = stepPreviews
    counting.value = false
    count.value = counted ? counted.count : null
    const problems =
      (countError?.response as { errors?: { message: string; rule?: string }[] })?.errors ?? []
    countProblem.value =
      problems.find((e) => e.rule === 'too_slow' || e.rule === 'busy')?.message ?? null
    preview.value = previewed as ScriptPreview | null
  }
  watch(
    () => [form.audience, form.initial, form.followUps.map((step) => step.variants)],
    () => {
      clearTimeout(timer)
      timer = setTimeout(refresh, 400)
    },
    { deep: true, immediate: true }
  )
  onBeforeUnmount(() => clearTimeout(timer))

  return { count, counting, countProblem, preview, followUpPreviews }
}

function createBuilder(props: CampaignBuilderProps) {
  const current = ref(0)
  const form = reactive(initialForm(props))

  const account = computed(() => props.accounts.find((a) => a.id === form.providerAccountId))
  watch(
    () => form.providerAccountId,
    () =>
      (form.senderNumbers = form.senderNumbers.filter((n) => account.value?.numbers.includes(n)))
  )

  const page = usePage<{ errors?: Record<string, string> }>()
  const errors = computed(() => page.props.errors ?? {})

  const saving = ref(false)
  function save() {
    saving.value = true
    const options = {
      onFinish: () => (saving.value = false),
      onError: (problems: Record<string, string>) => {
        const first = Object.keys(problems)[0]
        if (first) current.value = stepOf(first)
      },
    }
    if (props.campaign) {
      router.put(urlFor('campaigns.update', { id: props.campaign.id }), payloadOf(form), options)
    } else {
      router.post(urlFor('campaigns.store'), payloadOf(form), options)
    }
  }

  return {
    current,
    form,
    account,
    errors,
    saving,
    save,
    pricePerSegment: props.pricePerSegment,
    ...useLiveFigures(form),
  }
}
export type CampaignBuilder = ReturnType<typeof createBuilder>

const BUILDER: InjectionKey<CampaignBuilder> = Symbol('campaign builder')

/**
 * The campaign builder's state: the form across its steps, the live figures
 * and the save. The page creates it; each step component reads it with
 * `useCampaignBuilderContext()` instead of taking the whole form as props.
 */
export function useCampaignBuilder(props: CampaignBuilderProps) {
  const builder = createBuilder(props)
  provide(BUILDER, builder)
  return builder
}

export function useCampaignBuilderContext() {
  const builder = inject(BUILDER)
  if (!builder) throw new Error('A campaign builder step must sit inside the builder page')
  return builder
}
