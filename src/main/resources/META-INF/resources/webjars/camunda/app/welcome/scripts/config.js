// cartflow settings for this Camunda webapp: Japanese by default (English on request), yyyy/MM/dd dates,
// and our own script (language switch, Japanese calendar names). Shared parts live in app/cartflow/.
import { localeSettings, dateFormat } from '../../cartflow/locale.js';

export default {
  locales: localeSettings(),
  dateFormat,
  customScripts: ['../cartflow/ui.js']
};
