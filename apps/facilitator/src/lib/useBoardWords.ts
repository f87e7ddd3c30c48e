import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { boardWords, type BoardWords } from '@leadboard/board';

/** The board's quadrant names, axis labels and read-out sentences in the language on screen. */
export function useBoardWords(): ComputedRef<BoardWords> {
  const { t } = useI18n();
  return computed(() =>
    boardWords(t, {
      position: (title, management, leadership) => t('roomBoard.position', { title, management, leadership }),
      keys: t('roomBoard.keys'),
    }),
  );
}
