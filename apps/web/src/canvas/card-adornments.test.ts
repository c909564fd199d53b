import { describe, expect, test } from 'vitest';
import { createKeyedStore } from './card-adornments';

describe('a keyed store of card adornments', () => {
  test('tells a card only of its own value, and the page whether any card has one', () => {
    const marks = createKeyedStore<string>();
    const heard: string[] = [];
    marks.subscribe('a', () => heard.push('a'));
    marks.subscribe('b', () => heard.push('b'));
    marks.subscribeAll(() => heard.push(marks.isEmpty() ? 'none' : 'some'));
    expect(marks.isEmpty()).toBe(true);

    marks.set('a', 'added');
    expect(heard).toEqual(['a', 'some']);
    marks.replace(new Map([['b', 'changed']]));
    expect(heard).toEqual(['a', 'some', 'a', 'some', 'b', 'some']);
    marks.replace(new Map());
    expect(marks.isEmpty()).toBe(true);
    expect(heard.at(-1)).toBe('none');
    expect(marks.get('b')).toBeUndefined();
  });
});
