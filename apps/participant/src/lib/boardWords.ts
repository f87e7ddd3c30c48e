import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { boardWords, type BoardWords } from '@leadboard/board';

/** The board's quadrant names, axis labels and read-outs in the phone's language. */
export function useBoardWords(): ComputedRef<BoardWords> {
  const { t } = useI18n();
  return computed(() =>
    boardWords(t, {
      position: (title, management, leadership) => t('phone.board.position', { title, management, leadership }),
      keys: t('phone.board.keys'),
    }),
  );
}
