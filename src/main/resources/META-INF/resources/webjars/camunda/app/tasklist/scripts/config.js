// cartflow settings for Tasklist: Japanese by default (English on request), yyyy/MM/dd dates, and our own
// script (language switch, Japanese calendar names, Japanese form messages). Shared parts live in app/cartflow/.
import { localeSettings, dateFormat } from '../../cartflow/locale.js';

export default {
  locales: localeSettings(),
  dateFormat,
  customScripts: ['../cartflow/ui.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '選択中のタスクを担当する' },
    focusFilter: { key: 'ctrl+shift+f', description: '最初のフィルターに移動する' },
    focusList: { key: 'ctrl+alt+l', description: 'タスク一覧の最初のタスクに移動する' },
    focusForm: { key: 'ctrl+alt+f', description: 'タスクフォームの最初の入力欄に移動する' },
    startProcess: { key: 'ctrl+alt+p', description: 'プロセス開始のダイアログを開く' }
  }
};
