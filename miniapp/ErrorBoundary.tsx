/**
 * Catches render errors, reports them to the server, and shows a VKUI placeholder with a retry. The error's own
 * message is for developers (it goes to the report); the participant reads a line in their language.
 */
import { Button, Placeholder } from '@vkontakte/vkui';
import { Component, type ReactNode } from 'react';
import type { ApiClient } from './api/client.ts';
import { errorText } from './i18n-errors.ts';

interface Props {
  api: ApiClient;
  title: string;
  retry: string;
  language: 'ru' | 'en';
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    void this.props.api.reportError({
      message: error.message || String(error),
      ...(error.stack ? { stack: error.stack.slice(0, 8000) } : {}),
      screen: location.hash || '#/',
    });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Placeholder
        title={this.props.title}
        action={<Button onClick={() => this.setState({ error: null })}>{this.props.retry}</Button>}
      >
        {errorText(this.state.error, this.props.language)}
      </Placeholder>
    );
  }
}
