/**
 * Where settings come from: per document from the client (workspace/configuration, scoped to the
 * document), or, for a client that cannot answer that, the window-wide settings it sends in
 * didChangeConfiguration. Each document's session keeps what it was given until the settings change.
 */
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normalizeSettings, type Settings } from '../core/settings';

/** workspace/configuration, as the connection offers it. */
export type ConfigurationRequest = (item: { scopeUri?: string; section: string }) => Promise<unknown>;

export class ClientSettings {
  /** Window-wide settings: for a client without workspace/configuration, and when a request for a document's fails. */
  #global: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly canAsk: () => boolean,
    private readonly ask: ConfigurationRequest,
  ) {}

  /** The window-wide settings (for what is not about one document: the size-limit notice's language). */
  get window(): Settings {
    return this.#global;
  }

  /** The settings of the document `uri`. */
  forDocument(uri: string): Promise<Settings> {
    if (!this.canAsk()) return Promise.resolve(this.#global);
    return this.ask({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, () => this.#global);
  }

  /** Pulls the window-level settings (after initialize, and when they change). */
  refreshGlobal(): void {
    if (!this.canAsk()) return;
    void this.ask({ section: SETTINGS_SECTION }).then(
      (raw) => (this.#global = normalizeSettings(raw)),
      () => undefined,
    );
  }

  /** didChangeConfiguration: its payload is the settings when the client cannot be asked. */
  changed(payload: unknown): void {
    if (this.canAsk()) this.refreshGlobal();
    else this.#global = normalizeSettings(((payload ?? {}) as Record<string, unknown>)[SETTINGS_SECTION]);
  }
}
