import type { es } from './es.js';

// English, available from the language switch. Same keys as es.ts.
export const en: typeof es = {
  labels: {
    administration: 'Administration',
    User: 'Users',
    Group: 'Groups',
    UserGroup: 'Group members',
    UserProfile: 'User profiles',
  },
  components: {
    Login: {
      welcomeHeader: 'Energy CMMS',
      welcomeMessage: 'Maintenance management: assets, work orders, documents and inventory.',
      title: 'Sign in',
      properties: { email: 'E-mail', password: 'Password' },
      loginButton: 'Sign in',
    },
  },
  messages: {
    invalidCredentials: 'Wrong e-mail or password.',
    tooManyRequests: 'Too many failed attempts. Wait a few minutes before trying again.',
    invalidCsrf: 'The form expired. Reload the page and try again.',
    dashboardWelcome: 'Welcome, {{name}}',
    dashboardGroups: 'Your groups: {{groups}}',
    dashboardUsers: 'Active users',
    dashboardGroupsCount: 'Groups',
    group_ADMINISTRATORS: 'Administrators',
    group_SUPERVISORS: 'Supervisors',
    group_TECHNICIANS: 'Technicians',
    group_CONSULTANTS: 'Consultants',
    group_OPERATORS: 'Operators',
    passwordTooShort: 'The password must be at least {{min}} characters long.',
    passwordRequired: 'Give the new user a password.',
    emailTaken: 'A user with this e-mail already exists.',
  },
  resources: {
    User: {
      properties: {
        id: 'ID',
        email: 'E-mail',
        name: 'Name',
        isActive: 'Active',
        locale: 'Language',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        updatedAt: 'Updated',
        newPassword: 'New password',
      },
    },
    Group: {
      properties: {
        code: 'Code',
        name: 'Name',
        description: 'Description',
        canReadHistory: 'May read change history',
        createdAt: 'Created',
      },
    },
    UserGroup: { properties: { user: 'User', group: 'Group' } },
    UserProfile: {
      properties: {
        user: 'User',
        phone: 'Phone',
        directManager: 'Direct manager',
        canApproveRequisitions: 'May approve requisitions',
        approvalLimit: 'Approval limit',
        updatedAt: 'Updated',
      },
    },
  },
};
