import { Component, type ErrorInfo, type ReactNode } from 'react';
import { TriangleAlert } from 'lucide-react';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { shellStrings } from './strings';

const t = shellStrings.failure;

interface Props {
  /** Changes when the user moves to another page: a failed page gets a fresh try there. */
  resetKey: string;
  /** 'page': the page area only (sidebar and status bar stay); 'app': everything. */
  scope: 'page' | 'app';
  children: ReactNode;
}

interface State {
  error: Error | null;
  failedAt: string | null;
}

/**
 * Without a boundary, one component throwing while it draws (an engine answer nobody
 * expected) unmounts the whole tree: the window goes blank and stays blank. This shows
 * what failed, in place of the part that failed, with a way to try again, and logs the
 * stack for a bug report.
 */
export class FailureBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error && state.failedAt !== null && state.failedAt !== props.resetKey) return { error: null, failedAt: null };
    if (state.error && state.failedAt === null) return { failedAt: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Berth: the ${this.props.scope === 'page' ? 'page' : 'window'} failed to draw`, error, info.componentStack);
  }

  private retry = () => this.setState({ error: null, failedAt: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="ui-page" aria-labelledby="failure-title" role="alert">
        <EmptyState
          icon={TriangleAlert}
          titleAs="h1"
          titleId="failure-title"
          title={this.props.scope === 'page' ? t.pageTitle : t.appTitle}
          actions={
            <>
              <Button variant="primary" onClick={this.retry}>
                {t.retry}
              </Button>
              <Button onClick={() => window.location.reload()}>{t.reload}</Button>
            </>
          }
        >
          <p>{t.what(error.message)}</p>
          <p>{t.hint}</p>
        </EmptyState>
      </section>
    );
  }
}
