import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { prepareLocaleFormats } from '../shared/locale-formats';
import { formatFullDate } from './format';
import { RelativeTime } from './StatusLine';

describe('RelativeTime', () => {
  it('draws without the full date until the locale formats are prepared, then with it as the title', () => {
    const seconds = Math.floor(Date.now() / 1000) - 3 * 3600;
    const first = renderToStaticMarkup(<RelativeTime seconds={seconds} />);
    expect(first).toContain('3 hours ago');
    expect(first).not.toContain('title=');
    prepareLocaleFormats();
    const later = renderToStaticMarkup(<RelativeTime seconds={seconds} />);
    expect(later).toContain(`title="${formatFullDate(seconds)}"`);
  });
});
