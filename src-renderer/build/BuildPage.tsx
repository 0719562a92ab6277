import { useRef, useState } from 'react';
import type { CheckedContext } from '../../src-common/models/build-run';
import { imageRefProblem } from '../../src-common/image-ref';
import { parseKeyValues } from '../../src-common/run-spec';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { FolderOpen, Hammer, Play, Square } from 'lucide-react';
import { openRunDialog } from '../run/run-dialog-state';
import { hrefs } from '../router/route';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { ButtonLink } from '../ui/ButtonLink';
import { Checkbox } from '../ui/Checkbox';
import { Field, FormGrid } from '../ui/Field';
import { Input } from '../ui/Input';
import { PageHeader } from '../ui/PageHeader';
import { TextArea } from '../ui/TextArea';
import { BuildOutput } from './BuildOutput';
import { buildSession, useBuildSnapshot } from './build-session';
import { buildStrings as t } from './strings';
import './build.css';

type Field = 'folder' | 'dockerfile' | 'tag' | 'buildArgs' | 'labels';

const isElectron = () => typeof (window as { berth?: unknown }).berth === 'object';
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Build an image from a folder: the form, then the live output of the one running build. */
export function BuildPage() {
  const snap = useBuildSnapshot();
  const last = snap.request;
  const [folder, setFolder] = useState(last?.contextPath ?? '');
  const [dockerfile, setDockerfile] = useState(last?.dockerfile ?? '');
  const [tag, setTag] = useState(last?.tag ?? '');
  const [buildArgs, setBuildArgs] = useState(last ? Object.entries(last.buildArgs).map(([k, v]) => `${k}=${v}`).join('\n') : '');
  const [target, setTarget] = useState(last?.target ?? '');
  const [labels, setLabels] = useState(last ? Object.entries(last.labels).map(([k, v]) => `${k}=${v}`).join('\n') : '');
  const [noCache, setNoCache] = useState(last?.noCache ?? false);
  const [touched, setTouched] = useState<Set<Field>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [contextProblem, setContextProblem] = useState<{ field: 'folder' | 'dockerfile'; message: string } | null>(null);
  const [checked, setChecked] = useState<CheckedContext | null>(null);
  const [checking, setChecking] = useState(false);
  /** Set between a Build click and the build's start (the folder is being checked). */
  const [starting, setStarting] = useState(false);
  /** The check in flight, by the folder and Dockerfile it is for: a click reuses the one a blur started. */
  const buildButton = useRef<HTMLButtonElement>(null);
  const pendingCheck = useRef<{ key: string; result: Promise<CheckedContext | null> } | null>(null);

  const args = parseKeyValues(buildArgs, 'env');
  const labelMap = parseKeyValues(labels, 'label');
  const local: Record<Field, string | null> = {
    folder: folder.trim() === '' ? t.folderRequired : null,
    dockerfile: null,
    tag: imageRefProblem(tag.trim()),
    buildArgs: args.ok ? null : args.message,
    labels: labelMap.ok ? null : labelMap.message,
  };
  const problemOf = (f: Field): string | null =>
    (contextProblem?.field === f ? contextProblem.message : null) ?? (submitted || touched.has(f) ? local[f] : null);
  const touch = (f: Field) => () => setTouched((s) => (s.has(f) ? s : new Set(s).add(f)));
  const building = snap.status === 'building';

  function checkContext(): Promise<CheckedContext | null> {
    if (folder.trim() === '') return Promise.resolve(null);
    const key = `${folder.trim()}\0${dockerfile.trim()}`;
    if (pendingCheck.current?.key === key) return pendingCheck.current.result;
    const result = runCheck(key);
    pendingCheck.current = { key, result };
    return result;
  }

  async function runCheck(key: string): Promise<CheckedContext | null> {
    setChecking(true);
    try {
      const result = await api.call('build.checkContext', { contextPath: folder.trim(), dockerfile: dockerfile.trim() });
      setContextProblem(null);
      setChecked(result);
      return result;
    } catch (err) {
      // The error's object says which field it concerns: "dockerfile <path>" or "folder <path>".
      const onDockerfile = (err as { object?: string }).object?.startsWith('dockerfile ') === true;
      setContextProblem({ field: onDockerfile ? 'dockerfile' : 'folder', message: errorText(err) });
      setChecked(null);
      return null;
    } finally {
      setChecking(false);
      if (pendingCheck.current?.key === key) pendingCheck.current = null;
    }
  }

  async function submit(): Promise<void> {
    setSubmitted(true);
    if (Object.values(local).some((p) => p !== null) || !args.ok || !labelMap.ok) return;
    // A new build is being asked for: the last one's output and result no longer apply.
    buildSession.clear();
    // The folder is checked on this side of the engine first: nothing is sent for a wrong path.
    setStarting(true);
    const context = await checkContext().finally(() => setStarting(false));
    if (!context) return;
    buildSession.start({
      contextPath: context.contextPath,
      dockerfile: context.dockerfile,
      tag: tag.trim(),
      buildArgs: args.value,
      target: target.trim(),
      noCache,
      labels: labelMap.value,
    });
  }

  async function choose(): Promise<void> {
    const picked = await api.call('build.pickContext', {});
    if (picked.path) {
      setFolder(picked.path);
      setContextProblem(null);
    }
  }

  return (
    <section className="ui-page ui-page-scroll build-page" aria-labelledby="build-title">
      <PageHeader title={t.title} titleId="build-title" back={{ href: hrefs.images(), label: t.backToImages }} />
      <form
        className="build-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!building && !starting) void submit();
        }}
      >
        <fieldset disabled={building} className="build-fieldset">
          <FormGrid>
          <Field label={t.fields.folder} error={problemOf('folder')} description={isElectron() ? t.hints.folderElectron : t.hints.folderBrowser} wide>
            {(p) => (
              <div className="build-folder">
                <Input
                  {...p}
                  mono
                  value={folder}
                  spellCheck={false}
                  autoComplete="off"
                  // In the desktop app main builds only the folder its own dialog picked.
                  readOnly={isElectron()}
                  onChange={(e) => {
                    setFolder(e.target.value);
                    setContextProblem(null);
                    setChecked(null);
                  }}
                  onBlur={(e) => {
                    touch('folder')();
                    // Leaving for the Build button: its click checks the folder itself, and a check
                    // started now could move or change the button before the click lands.
                    if (e.relatedTarget === buildButton.current) return;
                    void checkContext();
                  }}
                />
                {isElectron() && (
                  <Button icon={FolderOpen} onClick={() => void choose()}>
                    {t.choose}
                  </Button>
                )}
              </div>
            )}
          </Field>
          <Field label={t.fields.dockerfile} error={problemOf('dockerfile')} description={t.hints.dockerfile}>
            {(p) => (
              <Input
                {...p}
                mono
                value={dockerfile}
                placeholder="Dockerfile"
                spellCheck={false}
                onChange={(e) => {
                  setDockerfile(e.target.value);
                  setContextProblem(null);
                }}
                onBlur={touch('dockerfile')}
              />
            )}
          </Field>
          <Field label={t.fields.tag} error={problemOf('tag')} description={t.hints.tag}>
            {(p) => <Input {...p} mono value={tag} spellCheck={false} onChange={(e) => setTag(e.target.value)} onBlur={touch('tag')} />}
          </Field>
          <Field label={t.fields.buildArgs} error={problemOf('buildArgs')} description={t.hints.buildArgs}>
            {(p) => <TextArea {...p} rows={2} value={buildArgs} spellCheck={false} onChange={(e) => setBuildArgs(e.target.value)} onBlur={touch('buildArgs')} />}
          </Field>
          <Field label={t.fields.labels} error={problemOf('labels')} description={t.hints.labels}>
            {(p) => <TextArea {...p} rows={2} value={labels} spellCheck={false} onChange={(e) => setLabels(e.target.value)} onBlur={touch('labels')} />}
          </Field>
          <Field label={t.fields.target} error={null} description={t.hints.target}>
            {(p) => <Input {...p} mono value={target} spellCheck={false} onChange={(e) => setTarget(e.target.value)} />}
          </Field>
          <Checkbox className="build-nocache" label={t.fields.noCache} checked={noCache} onChange={setNoCache} />
          </FormGrid>
        </fieldset>
        <div className="build-buttons">
          {/* Keyed apart: reusing one <button> would turn the Cancel click into a submit once it re-renders as "Build". */}
          {building ? (
            <Button key="cancel" variant="danger" icon={Square} onClick={() => buildSession.cancel()}>
              {t.cancel}
            </Button>
          ) : (
            // Never disabled by the check a blur starts: the click that caused the blur would be
            // lost (the button changed under the pointer). A click waits for that check instead.
            <Button key="build" ref={buildButton} type="submit" variant="primary" icon={Hammer} aria-disabled={starting || undefined}>
              {t.build}
            </Button>
          )}
          {/* Beside the button, never above it: a line appearing on blur would move the button from under the pointer. */}
          {checking && <span className="ui-muted">{t.checking}</span>}
          {checked && !checking && !building && <span className="ui-muted">{t.ignorePatterns(checked.ignorePatterns)}</span>}
        </div>
      </form>
      {snap.status !== 'idle' && (
        <>
          <p className="build-step ui-wrap-anywhere" role="status" aria-label={t.stepLabel}>
            {snap.step ? t.step(snap.step.index, snap.step.total, snap.step.instruction) : t.status[snap.status]}
          </p>
          {snap.sent && <p className="ui-muted">{t.sent(snap.sent.files, formatBytes(snap.sent.bytes))}</p>}
          {snap.status === 'done' && snap.result && (
            <Banner
              tone="success"
              role="status"
              action={
                <>
                  <ButtonLink href={hrefs.image(snap.result.imageId)}>{t.openImage(snap.result.tag || snap.result.imageId.slice(7, 19))}</ButtonLink>
                  {snap.result.tag && (
                    <Button icon={Play} onClick={() => openRunDialog(snap.result!.tag)}>
                      {t.runImage(snap.result.tag)}
                    </Button>
                  )}
                </>
              }
            >
              {t.built(snap.result.tag, snap.result.imageId.replace(/^sha256:/, '').slice(0, 12))}
            </Banner>
          )}
          {snap.status === 'failed' && snap.failure && (
            <Banner tone="danger" role="alert">
              {snap.failure.step && (
                <p>
                  <strong>{t.failedAt(t.step(snap.failure.step.index, snap.failure.step.total, snap.failure.step.instruction))}</strong>
                </p>
              )}
              <p className="ui-wrap-anywhere">{snap.failure.message}</p>
            </Banner>
          )}
          {snap.status === 'error' && snap.error && (
            <Banner tone="danger" role="alert">
              {snap.error}
            </Banner>
          )}
          {snap.status === 'cancelled' && <Banner tone="info">{t.status.cancelled}</Banner>}
          <BuildOutput snapshot={snap} />
        </>
      )}
    </section>
  );
}
