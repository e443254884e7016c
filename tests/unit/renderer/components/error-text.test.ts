/** The page's error box shows the console's words or ours, never the browser's or the system's text (issue 11 §6). */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { ApiCallError as ApiCallErrorClass } from '../../../../renderer/src/api/client.ts';
import type { errorText as errorTextFn } from '../../../../renderer/src/components/error-text.ts';
import type { MessageKey } from '../../../../renderer/src/i18n/messages.ts';

// The client picks its transport from `window` when it is loaded; there is none in Node.
vi.stubGlobal('window', {});
let errorText: typeof errorTextFn;
let ApiCallError: typeof ApiCallErrorClass;
beforeAll(async () => {
  ({ errorText } = await import('../../../../renderer/src/components/error-text.ts'));
  ({ ApiCallError } = await import('../../../../renderer/src/api/client.ts'));
});
const t = (key: MessageKey) => `<${key}>`;

describe('error text', () => {
  test("an API error in the user's language; a lost connection in our words", () => {
    const e = new ApiCallError('bad_request', 'the folder /x does not exist', '文件夹 /x 不存在');
    expect(errorText(e, t, 'zh')).toBe('文件夹 /x 不存在');
    expect(errorText(e, t, 'en')).toBe('the folder /x does not exist');
    expect(errorText(new ApiCallError('internal', 'network', 'network'), t, 'zh')).toBe('<error.network>');
  });

  test('a file the browser could not read, and any other error, never show the thrown text', () => {
    const unreadable = new DOMException('The requested file could not be read, typically due to permission problems', 'NotReadableError');
    expect(errorText(unreadable, t, 'en')).toBe('<error.fileUnreadable>');
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'rows')"), t, 'zh')).toBe('<error.unexpected>');
    expect(errorText('ENOENT: no such file or directory', t, 'en')).toBe('<error.unexpected>');
  });
});
