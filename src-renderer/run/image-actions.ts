// Adds this feature's entries to the images page's extensible action lists: "Run <ref>"
// on each tagged image row and "Build image" in the toolbar. Imported once by the app.
import { Hammer, Play } from 'lucide-react';
import { imageRowActions, imageToolbarActions } from '../images/image-actions';
import { buildStrings } from '../build/strings';
import { hrefs } from '../router/route';
import { openRunDialog } from './run-dialog-state';
import { runStrings } from './strings';

let registered = false;

export function registerBuildRunImageActions(): void {
  if (registered) return;
  registered = true;
  imageRowActions.unshift({
    key: 'run',
    text: runStrings.runAction,
    icon: Play,
    label: runStrings.runImage,
    // Untagged images have no name to validate and run by; they are run by tagging first.
    appliesTo: (target) => target.tag !== null && target.tag !== undefined,
    run: (target) => openRunDialog(target.tag ?? target.ref),
  });
  imageToolbarActions.unshift({
    key: 'build',
    text: buildStrings.openButton,
    icon: Hammer,
    run: () => {
      window.location.hash = hrefs.build();
    },
  });
}
