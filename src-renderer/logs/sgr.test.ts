import { describe, expect, it } from 'vitest';
import { applySgr, color256, parseSgr, stripAnsi } from './sgr';

const ESC = '\u001b';

describe('parseSgr', () => {
  it('returns a plain line as one unstyled segment', () => {
    expect(parseSgr('hello world')).toEqual([{ text: 'hello world', style: null }]);
  });

  it('applies the 16 basic colours, bright ones and resets', () => {
    expect(parseSgr(`a${ESC}[31mred${ESC}[0mb${ESC}[94mbright${ESC}[39mplain`)).toEqual([
      { text: 'a', style: null },
      { text: 'red', style: { fg: 'var(--ansi-1)' } },
      { text: 'b', style: null },
      { text: 'bright', style: { fg: 'var(--ansi-12)' } },
      { text: 'plain', style: null },
    ]);
  });

  it('reads 256-colour and truecolor foregrounds and backgrounds', () => {
    const [seg] = parseSgr(`${ESC}[38;5;196;48;2;10;20;30mx`);
    expect(seg?.style).toEqual({ fg: 'rgb(255,0,0)', bg: 'rgb(10,20,30)' });
    expect(parseSgr(`${ESC}[38;5;244mx`)[0]?.style).toEqual({ fg: 'rgb(128,128,128)' });
    expect(parseSgr(`${ESC}[48;5;3mx`)[0]?.style).toEqual({ bg: 'var(--ansi-3)' });
  });

  it('sets and clears bold, italic and underline', () => {
    const segs = parseSgr(`${ESC}[1;3;4mall${ESC}[22mni${ESC}[23;24mnone`);
    expect(segs.map((s) => s.style)).toEqual([{ bold: true, italic: true, underline: true }, { italic: true, underline: true }, null]);
  });

  it('treats an empty parameter list as reset', () => {
    expect(parseSgr(`${ESC}[31mr${ESC}[mx`).map((s) => s.style)).toEqual([{ fg: 'var(--ansi-1)' }, null]);
  });

  it('strips other escapes: cursor movement, erase, OSC titles and links, charsets', () => {
    const line = `${ESC}[2K${ESC}[1Ga${ESC}]0;title\u0007b${ESC}]8;;http://x${ESC}\\c${ESC}(Bd${ESC}7e`;
    expect(stripAnsi(line)).toBe('abcde');
  });

  it('drops control characters other than tab, and a lone trailing ESC', () => {
    expect(stripAnsi(`a\tb\rc\u0007d${ESC}`)).toBe('a\tbcd');
  });

  it('survives malformed sequences without throwing', () => {
    expect(stripAnsi(`${ESC}[38;9mx${ESC}[`)).toBe('x');
    expect(parseSgr(`${ESC}[38;5mx`)[0]?.text).toBe('x');
  });
});

describe('SGR helpers', () => {
  it('maps the 256-colour palette', () => {
    expect(color256(1)).toBe('var(--ansi-1)');
    expect(color256(16)).toBe('rgb(0,0,0)');
    expect(color256(231)).toBe('rgb(255,255,255)');
    expect(color256(232)).toBe('rgb(8,8,8)');
    expect(color256(256)).toBeUndefined();
  });

  it('does not mutate the style it is given', () => {
    const before = { bold: true };
    const after = applySgr(before, '0');
    expect(before).toEqual({ bold: true });
    expect(after).toEqual({});
  });
});
