import { describe, expect, it } from 'vitest';
import { ROLES } from '@shared/domain/accounts/roles';
import { href } from '../../app/router';
import { mayOpen } from './guard';
import { homeRoute } from './home';

describe('homeRoute', () => {
  it.each(ROLES)('sends a %s to a screen their role may open', (role) => {
    const path = href(homeRoute(role)).replace(/^#/, '');
    expect(mayOpen({ role, shelterServiceIds: [] }, path)).toBe(true);
  });
});
