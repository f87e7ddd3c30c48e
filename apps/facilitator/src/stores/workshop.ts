import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import { browserStorage, identities } from '@leadboard/client';
import { saveBlob } from '@leadboard/client/page';
import { deleteWorkshop, fetchExport, type ExportId } from '../lib/api.js';
import { i18n } from '../i18n/index.js';
import { failureText } from '../i18n/refusals.js';
import { useRoomStore } from './room.js';

/** The facilitator's HTTP actions on the workshop: exports and deletion. */
export const useWorkshopStore = defineStore('workshop', () => {
  const room = useRoomStore();
  const exporting = reactive<Partial<Record<ExportId, boolean>>>({});
  const exportErrors = reactive<Partial<Record<ExportId, string>>>({});
  const lastExport = ref<string | null>(null);
  const deleting = ref(false);
  const deleteError = ref<string | null>(null);
  const deleted = ref(false);

  const message = (error: unknown) => failureText(error, i18n.global.t('common.failed'));

  async function download(id: ExportId, save: typeof saveBlob = saveBlob): Promise<boolean> {
    exporting[id] = true;
    delete exportErrors[id];
    try {
      const { blob, filename } = await fetchExport(room.code, room.token, id);
      save(blob, filename);
      lastExport.value = filename;
      return true;
    } catch (error) {
      exportErrors[id] = message(error);
      return false;
    } finally {
      exporting[id] = false;
    }
  }

  async function remove(): Promise<boolean> {
    deleting.value = true;
    deleteError.value = null;
    try {
      await deleteWorkshop(room.code, room.token);
      deleted.value = true;
      identities.forgetWorkshop(browserStorage(), room.code);
      room.disconnect();
      return true;
    } catch (error) {
      deleteError.value = message(error);
      return false;
    } finally {
      deleting.value = false;
    }
  }

  return { exporting, exportErrors, lastExport, deleting, deleteError, deleted, download, remove };
});
