import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { imageRowActions, type ImageActionTarget } from './image-actions';

/** The row's buttons, from the extensible `imageRowActions` list: icons in a row, words in a header. */
export function ImageRowActions({ target, withText = false }: { target: ImageActionTarget; withText?: boolean }) {
  return (
    <div className="image-actions">
      {imageRowActions
        .filter((a) => a.appliesTo?.(target) ?? true)
        .map((a) =>
          withText || !a.icon ? (
            <Button
              key={a.key}
              size="sm"
              icon={a.icon}
              variant={a.danger && withText ? 'danger' : 'secondary'}
              aria-label={a.label(target.ref)}
              data-action={a.key}
              onClick={() => a.run(target)}
            >
              {a.text}
            </Button>
          ) : (
            <IconButton key={a.key} size="sm" icon={a.icon} label={a.label(target.ref)} variant={a.danger ? 'danger' : 'ghost'} data-action={a.key} onClick={() => a.run(target)} />
          ),
        )}
    </div>
  );
}
