/** Character attributes set by SGR escapes. Colours are CSS colour strings. */
export interface SgrStyle {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface Segment {
  text: string;
  style: SgrStyle | null;
}

const ESC = '\u001b';

/** The 16 basic colours as CSS variables (logs.css gives each theme its values). */
export const basicColor = (n: number) => `var(--ansi-${n})`;

/** xterm's 256-colour palette: 16 basic, a 6×6×6 cube, 24 greys. */
export function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return basicColor(n);
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
  }
  const grey = 8 + (n - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

const isEmpty = (s: SgrStyle) =>
  s.fg === undefined && s.bg === undefined && !s.bold && !s.dim && !s.italic && !s.underline && !s.inverse && !s.strike;

/** Applies one SGR parameter list ("1;31", "38;5;208", "38;2;10;20;30", "") to a style. */
export function applySgr(style: SgrStyle, params: string): SgrStyle {
  const next: SgrStyle = { ...style };
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) {
      for (const key of Object.keys(next) as (keyof SgrStyle)[]) delete next[key];
    } else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 3) next.italic = true;
    else if (c === 4) next.underline = true;
    else if (c === 7) next.inverse = true;
    else if (c === 9) next.strike = true;
    else if (c === 21 || c === 22) {
      delete next.bold;
      delete next.dim;
    } else if (c === 23) delete next.italic;
    else if (c === 24) delete next.underline;
    else if (c === 27) delete next.inverse;
    else if (c === 29) delete next.strike;
    else if (c >= 30 && c <= 37) next.fg = basicColor(c - 30);
    else if (c === 39) delete next.fg;
    else if (c >= 40 && c <= 47) next.bg = basicColor(c - 40);
    else if (c === 49) delete next.bg;
    else if (c >= 90 && c <= 97) next.fg = basicColor(c - 90 + 8);
    else if (c >= 100 && c <= 107) next.bg = basicColor(c - 100 + 8);
    else if (c === 38 || c === 48) {
      const key = c === 38 ? 'fg' : 'bg';
      const mode = codes[i + 1];
      if (mode === 5) {
        const value = color256(codes[i + 2]!);
        if (value) next[key] = value;
        i += 2;
      } else if (mode === 2) {
        const [r, g, b] = [codes[i + 2], codes[i + 3], codes[i + 4]].map((v) => Math.max(0, Math.min(255, v ?? 0)));
        next[key] = `rgb(${r},${g},${b})`;
        i += 4;
      } else {
        break; // malformed: ignore the rest
      }
    }
  }
  return next;
}

/**
 * Splits a line into styled segments: SGR escapes (ESC [ … m) set the style, every other
 * escape (cursor movement, OSC titles and links, charset switches) and control character
 * except tab is dropped. A line without ESC is one segment, with no work done.
 */
export function parseSgr(line: string, start: SgrStyle | null = null): Segment[] {
  if (!line.includes(ESC) && !hasControl(line)) return [{ text: line, style: start }];
  const segments: Segment[] = [];
  let style: SgrStyle = start ? { ...start } : {};
  let text = '';
  const pushText = () => {
    if (text === '') return;
    segments.push({ text, style: isEmpty(style) ? null : style });
    text = '';
  };
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line.charCodeAt(i);
    if (ch !== 0x1b) {
      if (ch < 0x20 && ch !== 0x09) {
        i++;
        continue;
      }
      text += line[i];
      i++;
      continue;
    }
    const kind = line[i + 1];
    if (kind === '[') {
      // CSI: parameters and intermediates, then one final byte in @..~
      let j = i + 2;
      while (j < n && (line.charCodeAt(j) < 0x40 || line.charCodeAt(j) > 0x7e)) j++;
      if (j < n && line[j] === 'm') {
        pushText();
        style = applySgr(style, line.slice(i + 2, j));
      }
      i = j + 1;
    } else if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
      // OSC / DCS / APC / PM: up to BEL or ST (ESC \)
      let j = i + 2;
      while (j < n && line[j] !== '\u0007' && !(line[j] === ESC && line[j + 1] === '\\')) j++;
      i = j < n && line[j] === '\u0007' ? j + 1 : j + 2;
    } else if (kind === '(' || kind === ')' || kind === '*' || kind === '+' || kind === '#' || kind === '%') {
      i += 3; // charset designation: ESC ( B
    } else {
      i += 2; // two-character escape, or a lone ESC at the end
    }
  }
  pushText();
  return segments;
}

/** The text a user sees: every escape and control character but tab removed. */
export function stripAnsi(line: string): string {
  if (!line.includes(ESC) && !hasControl(line)) return line;
  return parseSgr(line)
    .map((s) => s.text)
    .join('');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f]/;
const hasControl = (line: string) => CONTROL.test(line);
