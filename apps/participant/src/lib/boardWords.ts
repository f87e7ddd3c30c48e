import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { BoardWords } from '@leadboard/board';

/** The board's quadrant names, axis labels and read-outs in the phone's language. */
export function useBoardWords(): ComputedRef<BoardWords> {
  const { t } = useI18n();
  return computed(() => ({
    quadrants: {
      lead: t('content.quadrant.lead.title'),
      both: t('content.quadrant.both.title'),
      routine: t('content.quadrant.routine.title'),
      manage: t('content.quadrant.manage.title'),
    },
    axes: { x: t('content.axis.x.label'), y: t('content.axis.y.label') },
    position: (title, management, leadership) => t('phone.board.position', { title, management, leadership }),
    keys: t('phone.board.keys'),
  }));
}
