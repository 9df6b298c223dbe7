import { onBeforeUnmount, onMounted, type Ref } from 'vue'

/**
 * Keeps a `.phone-bar` (the message box and Send, pinned to the bottom of a
 * phone's screen) in view: the page leaves its height free below the content
 * (`--phone-bar-height`), and where an on-screen keyboard covers the page
 * without shrinking it (iOS Safari ignores `interactive-widget`), the bar
 * rises by the part the keyboard covers (`--keyboard-inset`, from the visual
 * viewport).
 */
export function usePhoneBar(bar: Ref<HTMLElement | null>) {
  let stop = () => {}

  onMounted(() => {
    const style = document.documentElement.style
    const viewport = window.visualViewport
    const observer = new ResizeObserver(([entry]) =>
      style.setProperty('--phone-bar-height', `${entry.borderBoxSize[0].blockSize}px`)
    )
    const followKeyboard = () => {
      if (!viewport) return
      const covered = window.innerHeight - viewport.height - viewport.offsetTop
      style.setProperty('--keyboard-inset', `${Math.max(0, Math.round(covered))}px`)
    }
    if (bar.value) observer.observe(bar.value)
    viewport?.addEventListener('resize', followKeyboard)
    viewport?.addEventListener('scroll', followKeyboard)
    followKeyboard()
    stop = () => {
      observer.disconnect()
      viewport?.removeEventListener('resize', followKeyboard)
      viewport?.removeEventListener('scroll', followKeyboard)
      style.removeProperty('--phone-bar-height')
      style.removeProperty('--keyboard-inset')
    }
  })
  onBeforeUnmount(() => stop())
}
