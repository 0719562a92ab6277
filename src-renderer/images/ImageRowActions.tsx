import { imageRowActions, type ImageActionTarget } from './image-actions';

/** The row's buttons, from the extensible `imageRowActions` list. */
export function ImageRowActions({ target, withText = true }: { target: ImageActionTarget; withText?: boolean }) {
  return (
    <div className="image-actions">
      {imageRowActions
        .filter((a) => a.appliesTo?.(target) ?? true)
        .map((a) => (
          <button
            key={a.key}
            type="button"
            className={`button-small${a.danger ? ' button-danger' : ''}`}
            aria-label={a.label(target.ref)}
            data-action={a.key}
            onClick={() => a.run(target)}
          >
            {withText ? a.text : null}
          </button>
        ))}
    </div>
  );
}
