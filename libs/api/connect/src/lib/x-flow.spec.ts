import { BadRequestException } from '@nestjs/common';

import { xFlow } from './x-flow';

describe('xFlow', () => {
  it('without X_CLIENT_ID: a 400 naming the platform', async () => {
    const flow = xFlow({
      clientId: null,
      clientSecret: null,
      authorizeUrl: 'https://x.com/i/oauth2/authorize',
      apiUrl: 'https://api.x.com',
    });
    const error = await flow.server(null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({ code: 'oauth_not_configured', errors: [{ field: 'platform' }] });
  });

  it('stores the default API address as none, and the refresh token when granted', () => {
    const flow = xFlow({
      clientId: 'id',
      clientSecret: null,
      authorizeUrl: 'https://x.com/i/oauth2/authorize',
      apiUrl: 'https://api.x.com',
    });
    expect(flow.connection({ accessToken: 'a', refreshToken: 'r', expiresIn: 7200 }, null)).toEqual({
      baseUrl: null,
      credentials: { accessToken: 'a', refreshToken: 'r' },
      settings: {},
    });
  });
});
