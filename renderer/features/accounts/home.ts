/**
 * Where each role starts after logging in: the screen of its everyday task, which its role may
 * always open (checked by the test beside this file against the route guard).
 */
import type { Role } from '@shared/domain/accounts/roles';
import type { Route } from '../../app/router';

const HOMES: Record<Role, Route> = {
  administrator: { name: 'directory' },
  coordinator: { name: 'directory' },
  shelter_manager: { name: 'capacity' },
  ministry_staff: { name: 'referrals' },
  viewer: { name: 'directory' },
  frontline: { name: 'screening' },
};

export const homeRoute = (role: Role): Route => HOMES[role];
