import { describe, expect, test } from 'vitest';
import type { Validated } from '../../../../renderer/src/components/form-errors.ts';
import { editForm, initialFormState, submitForm } from '../../../../renderer/src/components/form-state.ts';

interface NameForm {
  name: string;
  note: string;
}

// A name is required; the note is free.
function validate(form: NameForm): Validated<string, keyof NameForm> {
  return form.name.trim() === ''
    ? { ok: false, errors: { name: { key: 'auth.error.nameRequired' } } }
    : { ok: true, value: form.name.trim() };
}

describe('form state', () => {
  test('starts with the values, untried and without problems', () => {
    expect(initialFormState({ name: '', note: '' })).toEqual({ values: { name: '', note: '' }, attempted: false, errors: {} });
  });

  test('edits before the first submit show no problems', () => {
    const state = editForm(initialFormState({ name: 'a', note: '' }), { name: '' }, validate);
    expect(state).toEqual({ values: { name: '', note: '' }, attempted: false, errors: {} });
  });

  test('an invalid submit shows the problems and sends nothing', () => {
    const { state, send } = submitForm(initialFormState({ name: ' ', note: 'x' }), validate);
    expect(send).toBeNull();
    expect(state).toEqual({ values: { name: ' ', note: 'x' }, attempted: true, errors: { name: { key: 'auth.error.nameRequired' } } });
  });

  test('after a submit, every edit checks the values again', () => {
    const tried = submitForm(initialFormState({ name: '', note: '' }), validate).state;
    const fixed = editForm(tried, { name: '张三' }, validate);
    expect(fixed.errors).toEqual({});
    expect(fixed.values).toEqual({ name: '张三', note: '' });
    const broken = editForm(fixed, { name: '' }, validate);
    expect(broken.errors).toEqual({ name: { key: 'auth.error.nameRequired' } });
  });

  test('a valid submit clears the problems and sends the checked value', () => {
    const { state, send } = submitForm(initialFormState({ name: ' 李四 ', note: '' }), validate);
    expect(send).toEqual({ value: '李四' });
    expect(state.errors).toEqual({});
    expect(state.attempted).toBe(true);
  });

  test('a valid value may be null (nothing changed) and is still sent to the caller', () => {
    const nothing = (_form: NameForm): Validated<null, keyof NameForm> => ({ ok: true, value: null });
    expect(submitForm(initialFormState({ name: '', note: '' }), nothing).send).toEqual({ value: null });
  });
});
