import { useRef } from 'react';
import { Button, type ButtonProps } from './Button';

/**
 * A button that opens the browser's file picker (a hidden file input): several files, or a
 * whole folder with `folder` (the files then carry their paths inside it). The button
 * names the action; the input is out of the tab order and the accessibility tree.
 */
export function FilePickerButton({
  onFiles,
  multiple = true,
  folder = false,
  accept,
  ...button
}: Omit<ButtonProps, 'onClick'> & { onFiles(files: File[]): void; multiple?: boolean; folder?: boolean; accept?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()} />
      <input
        ref={(el) => {
          input.current = el;
          // Folder picking is a non-standard attribute React does not type.
          if (el && folder) el.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        multiple={multiple}
        accept={accept}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
