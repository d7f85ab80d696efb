// Spanish, the default UI language. AdminJS's own Spanish strings are merged under these.
export const es = {
  labels: {
    administration: 'Administración',
    User: 'Usuarios',
    Group: 'Grupos',
    UserGroup: 'Miembros de grupo',
    UserProfile: 'Perfiles de usuario',
  },
  components: {
    Login: {
      welcomeHeader: 'Energy CMMS',
      welcomeMessage: 'Gestión de mantenimiento: activos, órdenes de trabajo, documentos e inventario.',
      title: 'Iniciar sesión',
      properties: { email: 'Correo electrónico', password: 'Contraseña' },
      loginButton: 'Entrar',
    },
  },
  messages: {
    invalidCredentials: 'Correo o contraseña incorrectos.',
    tooManyRequests: 'Demasiados intentos fallidos. Espere unos minutos antes de volver a intentarlo.',
    invalidCsrf: 'El formulario caducó. Recargue la página e inténtelo de nuevo.',
    dashboardWelcome: 'Bienvenido, {{name}}',
    dashboardGroups: 'Sus grupos: {{groups}}',
    dashboardUsers: 'Usuarios activos',
    dashboardGroupsCount: 'Grupos',
    group_ADMINISTRATORS: 'Administradores',
    group_SUPERVISORS: 'Supervisores',
    group_TECHNICIANS: 'Técnicos',
    group_CONSULTANTS: 'Consultores',
    group_OPERATORS: 'Operadores',
    passwordTooShort: 'La contraseña debe tener al menos {{min}} caracteres.',
    passwordRequired: 'Indique una contraseña para el nuevo usuario.',
    emailTaken: 'Ya existe un usuario con este correo.',
  },
  resources: {
    User: {
      properties: {
        id: 'ID',
        email: 'Correo electrónico',
        name: 'Nombre',
        isActive: 'Activo',
        locale: 'Idioma',
        lastLoginAt: 'Último acceso',
        createdAt: 'Creado',
        updatedAt: 'Actualizado',
        newPassword: 'Nueva contraseña',
      },
    },
    Group: {
      properties: {
        code: 'Código',
        name: 'Nombre',
        description: 'Descripción',
        canReadHistory: 'Puede leer el historial de cambios',
        createdAt: 'Creado',
      },
    },
    UserGroup: { properties: { user: 'Usuario', group: 'Grupo' } },
    UserProfile: {
      properties: {
        user: 'Usuario',
        phone: 'Teléfono',
        directManager: 'Jefe directo',
        canApproveRequisitions: 'Puede aprobar requisiciones',
        approvalLimit: 'Límite de aprobación',
        updatedAt: 'Actualizado',
      },
    },
  },
};
