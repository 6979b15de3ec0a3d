// The small part of oidc-provider v9 that the bundled demo provider uses (the package ships no
// types). Kept loose on purpose: only what local-oidc.provider.ts and local-oidc.http.ts touch.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type AnyObject = Record<string, unknown>;

  export interface OidcClient {
    clientId: string;
  }
  export interface OidcSession {
    accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }
  export interface OidcContext {
    client?: OidcClient;
    session: OidcSession;
    params: AnyObject;
    result?: { consent?: { grantId?: string } } & AnyObject;
    provider: Provider;
    requestParamOIDCScopes: Set<string>;
    requestParamClaims: Set<string>;
  }
  export interface KoaContextWithOIDC {
    oidc: OidcContext;
    body: unknown;
    type: string;
    status: number;
    host: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<AnyObject> | AnyObject;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: AnyObject };
    params: AnyObject & { client_id?: string };
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface Grant {
    jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }
  export interface GrantStatic {
    new (init: { accountId?: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface Adapter {
    upsert(id: string, payload: AnyObject, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AnyObject | undefined>;
    findByUserCode(userCode: string): Promise<AnyObject | undefined>;
    findByUid(uid: string): Promise<AnyObject | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type Configuration = AnyObject;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    Grant: GrantStatic;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: AnyObject,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export namespace interactionPolicy {
    class Check {
      constructor(
        reason: string,
        description: string,
        check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
      );
      static REQUEST_PROMPT: true;
      static NO_NEED_TO_PROMPT: false;
    }
    interface Prompt {
      name: string;
      checks: { add(check: Check, index?: number): void };
    }
    interface Policy extends Array<Prompt> {
      get(name: string): Prompt | undefined;
    }
    function base(): Policy;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      error: string;
      error_description?: string;
      status: number;
    }
    class SessionNotFound extends OIDCProviderError {}
  }

  export default Provider;
}
