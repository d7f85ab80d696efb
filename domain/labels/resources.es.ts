// The plant's words for its models, their fields and their closed values (es): the labels the back
// office shows (admin/locales), the headers of import templates and exports. Kept with the domain so
// that imports and exports read them without reaching up into the UI layer; the UI imports them.
export const resourceLabelsES = {
  "Template": "Plantillas",
  // health (issue 25)
  "DowntimeEvent": "Paradas",
  "AssetHealth": "Activos en riesgo",
  "CategoryReliability": "Modelos de falla por categoría",
  "PointTrend": "Tendencias de lecturas",
  "budgets": "Presupuestos",
  "callCenter": "Centro de llamadas",
  "Requisition": "Requisiciones",
  "RequisitionItem": "Artículos de requisición",
  "RequisitionApproval": "Pasos de aprobación",
  // goods receipts (issue 20)
  "GoodsReceipt": "Recepciones de mercancía",
  "ErpSyncRun": "Sincronizaciones con el ERP",
  "ErpSyncConflict": "Conflictos con el ERP",
  "Budget": "Presupuestos",
  "BudgetLine": "Líneas de presupuesto",
  "BudgetLineMonth": "Importes mensuales",
  "BudgetActual": "Gastos reales",
  "BudgetSetting": "Ajustes de presupuestos",
  "BudgetSummary": "Resumen de presupuesto",
  "Ticket": "Tickets",
  "TicketNote": "Respuestas a tickets",
  "TicketSla": "SLA de tickets",
  "SigSyncRun": "Lecturas del SIG",
  "WorkOrderShare": "Órdenes compartidas",
  "Location": "Ubicaciones",
  "AssetCategory": "Categorías",
  "Asset": "Activos",
  "ImportRun": "Registros de importación",
  "MeasurementPoint": "Puntos de medición",
  "Reading": "Lecturas",
  "MaintenanceType": "Tipos de mantenimiento",
  "Frequency": "Frecuencias",
  "Procedure": "Procedimientos",
  "ProcedureStep": "Pasos de procedimiento",
  "Routine": "Rutinas",
  "WorkCalendar": "Horarios",
  "CalendarHoliday": "Feriados",
  "MaintenanceSchedule": "Programaciones",
  "WorkRequest": "Avisos",
  "Technician": "Técnicos",
  "WorkOrder": "Órdenes de trabajo",
  "WorkOrderStepValue": "Valores de paso",
  "WorkOrderNote": "Notas de OT",
  "FailureCode": "Fallas",
  "WorkOrderClosure": "Cierres de OT",
  "WorkOrderMaterial": "Materiales usados",
  "KpiSnapshot": "Indicadores (KPI)",
  "services": "Servicios / KPI",
  "JobIntervention": "Intervenciones en trabajos",
  // transmittals (issue 24)
  "communications": "Comunicaciones",
  "Transmittal": "Transmittals",
  "TransmittalDocument": "Revisiones enviadas",
  "TransmittalRecipient": "Destinatarios",
  "TransmittalAcknowledgement": "Acuses de recibo",
  "ExternalContact": "Contactos externos",
  // safety (issue 23)
  "safety": "Seguridad",
  "PermitKind": "Tipos de permiso",
  "IsolationPoint": "Puntos de aislamiento",
  "PermitRequirement": "Permisos exigidos",
  "WorkPermit": "Permisos de trabajo",
  "PermitIsolation": "Aislamientos del permiso",
  "PermitGasTest": "Pruebas de gases",
  "PermitSignature": "Firmas de permisos",
  // safety and audits (issue 23): incidents, hours worked, audits, findings, corrective actions
  "audits": "Auditorías",
  "SafetyIncident": "Incidentes",
  "SafetyHoursWorked": "Horas trabajadas",
  "AuditChecklist": "Listas de verificación",
  "Audit": "Auditorías",
  "AuditFinding": "Hallazgos",
  "AuditEvidence": "Evidencias de hallazgos",
  "CorrectiveAction": "Acciones correctivas",
  // inventory
  "inventory": "Inventario",
  "Vendor": "Proveedores",
  "Material": "Materiales",
  "Warehouse": "Almacenes",
  "Bin": "Ubicaciones de almacén",
  "StockLevel": "Existencias",
  "StockMovement": "Movimientos de inventario",
  "Reservation": "Reservas de material",
  "RoutineMaterial": "Materiales de rutina",
  // energy (issue 25)
  "energy": "Energía",
  "SiteProduction": "Producción por sitio",
  "IntegrationToken": "Tokens de integración",
  // projects and service contracts (issue 24)
  "projects": "Proyectos",
  "Project": "Proyectos",
  "ProjectTask": "Tareas de proyecto",
  "ProjectTaskDependency": "Dependencias entre tareas",
  "ServiceContract": "Contratos de servicio",
  "ServiceContractAsset": "Activos cubiertos",
  "ServiceContractLocation": "Ubicaciones cubiertas"
};

export const resourceTranslationsES = {
  "Requisition": {"properties": {"project": "Proyecto", "id": "N.º", "title": "Título", "requestedBy": "Solicitada por", "workOrder": "Orden de trabajo", "state": "Estado", "total": "Total", "approvedBy": "Aprobada por", "approvedAt": "Aprobada el", "erpSyncState": "Sincronización con ERP", "createdAt": "Creada", "updatedAt": "Actualizada", "items": "Artículos", "number": "Número", "erpId": "N.º en el ERP", "erpStatus": "Estado en el ERP", "erpEtag": "Versión en el ERP", "erpSyncedAt": "Sincronizada el", "erpLastAttemptAt": "Último intento", "erpLastError": "Último error de sincronización", "erpAttempts": "Intentos de sincronización", "erpConflicts": "Conflictos con el ERP", "budgetLine": "Línea de presupuesto", "receivedAmount": "Recibido", "actuals": "Gastos reales", "awaitingApprover": "Pendiente de aprobación por", "approvalSteps": "Pasos de aprobación firmados", "receiptState": "Recepción", "goodsReceipts": "Recepciones"}, "labels": {"receiptState": {"NONE": "Sin recibir", "PARTIAL": "Recibida parcialmente", "RECEIVED": "Recibida"}, "state": {"DRAFT": "Borrador", "SUBMITTED": "Enviada", "APPROVED": "Aprobada", "REJECTED": "Rechazada"}, "erpSyncState": {"NOT_SENT": "No enviada", "PENDING": "Pendiente", "SENT": "Sincronizado", "FAILED": "Falló"}, "erpStatus": {"Draft": "Borrador", "InReview": "En revisión", "Rejected": "Rechazada", "Approved": "Aprobada", "Cancelled": "Cancelada", "Closed": "Cerrada"}}},
  "Budget": {"properties": {"id": "N.º", "code": "Código", "name": "Nombre", "year": "Año", "location": "Centro de costo (ubicación)", "department": "Centro de costo (departamento)", "createdAt": "Creado", "updatedAt": "Actualizado", "lines": "Líneas", "figures": "Ejecución por mes"}, "labels": {}},
  "BudgetLine": {"properties": {"id": "N.º", "budget": "Presupuesto", "account": "Cuenta", "description": "Descripción", "months": "Importes mensuales", "budgetCode": "Código del presupuesto", "budgetName": "Nombre del presupuesto", "year": "Año", "location": "Centro de costo (ubicación)", "department": "Centro de costo (departamento)", "month1": "Enero", "month2": "Febrero", "month3": "Marzo", "month4": "Abril", "month5": "Mayo", "month6": "Junio", "month7": "Julio", "month8": "Agosto", "month9": "Septiembre", "month10": "Octubre", "month11": "Noviembre", "month12": "Diciembre"}, "labels": {"account": {"LABOUR": "Mano de obra", "MATERIALS": "Materiales", "SERVICES": "Servicios", "CAPITAL": "Inversión", "OTHER": "Otros"}}},
  "BudgetLineMonth": {"properties": {"id": "N.º", "budgetLine": "Línea de presupuesto", "month": "Mes", "originalAmount": "Importe original", "currentAmount": "Importe vigente", "updatedAt": "Actualizado"}, "labels": {}},
  "BudgetActual": {"properties": {"id": "N.º", "budgetLine": "Línea de presupuesto", "month": "Mes", "amount": "Importe", "source": "Origen", "sourceId": "Registro de origen", "workOrder": "Orden de trabajo", "requisition": "Requisición", "postedAt": "Contabilizado"}, "labels": {"source": {"WORK_ORDER_LABOUR": "Mano de obra de OT", "WORK_ORDER_MATERIALS": "Materiales de OT", "GOODS_RECEIPT": "Recepción de mercancía", "OTHER": "Otro"}}},
  "BudgetSummary": {"properties": {"budgetLine": "Línea de presupuesto", "month": "Mes", "originalAmount": "Presupuesto original", "currentAmount": "Presupuesto vigente", "committed": "Comprometido", "actual": "Real"}, "labels": {}},
  "ErpSyncRun": {"properties": {"id": "N.º", "startedAt": "Inicio", "finishedAt": "Fin", "outcome": "Resultado", "pushed": "Enviadas", "pulled": "Estados leídos", "failed": "Fallidas", "conflicts": "Conflictos", "error": "Error"}, "labels": {"outcome": {"RUNNING": "En curso", "SUCCEEDED": "Correcta", "FAILED": "Fallida", "ABANDONED": "Abandonada"}}},
  "ErpSyncConflict": {"properties": {"id": "N.º", "requisition": "Requisición", "field": "Campo", "localValue": "Valor local (descartado)", "erpValue": "Valor del ERP (vigente)", "detectedAt": "Detectado"}, "labels": {"field": {"title": "Título"}}},
  "RequisitionApproval": {"properties": {"id": "N.º", "requisition": "Requisición", "approver": "Firmado por", "decision": "Decisión", "total": "Total", "availableBefore": "Disponible en la línea", "overdraft": "Con sobregiro", "escalatedTo": "Elevada a", "signedAt": "Firmado el", "sha256": "Huella SHA-256", "ip": "Dirección IP", "userAgent": "Navegador"}, "labels": {"decision": {"ESCALATED": "Elevada al nivel superior", "APPROVED": "Aprobada", "REJECTED": "Rechazada"}}},
  "BudgetSetting": {"properties": {"overdraftTolerancePercent": "Tolerancia de sobregiro (% del presupuesto de la línea)", "updatedAt": "Actualizado"}},
  "RequisitionItem": {"properties": {"requisition": "Requisición", "description": "Descripción", "quantity": "Cantidad", "unit": "Unidad", "unitPrice": "Precio unitario", "material": "Material para almacén", "warehouse": "Almacén de destino", "receipts": "Recepciones"}},
  // goods receipts (issue 20)
  "GoodsReceipt": {"properties": {"id": "N.º", "requisition": "Requisición", "requisitionItem": "Artículo", "quantity": "Cantidad recibida", "amount": "Importe", "warehouse": "Almacén", "stockMovement": "Movimiento de inventario", "deliveryNote": "Nota de entrega", "note": "Nota", "receivedBy": "Recibido por", "receivedAt": "Recibido el"}},
  "Ticket": {"properties": {"number": "Número", "type": "Tipo", "description": "Descripción", "requester": "Solicitante", "state": "Estado", "source": "Origen", "createdAt": "Creado", "updatedAt": "Actualizado", "priority": "Prioridad", "callerAddress": "Dirección indicada", "reportedAt": "Reportado", "sigRow": "Fila del SIG", "asset": "Activo", "location": "Ubicación", "workRequest": "Aviso", "answeredAt": "Respondido", "resolvedAt": "Resuelto el", "notes": "Respuestas", "followUp": "Seguimiento", "responseDue": "Responder antes de", "resolutionDue": "Resolver antes de", "slaState": "SLA"}, "labels": {"type": {"FAILURE": "Falla", "SERVICE": "Servicio", "COMPLAINT": "Reclamo", "INFORMATION": "Información"}, "state": {"OPEN": "Abierto", "IN_PROGRESS": "En atención", "RESOLVED": "Resuelto", "CLOSED": "Cerrado"}, "source": {"MANUAL": "Manual", "SIG": "SIG"}, "priority": {"LOW": "Baja", "MEDIUM": "Media", "HIGH": "Alta", "URGENT": "Urgente"}}},
  "TicketNote": {"properties": {"ticket": "Ticket", "body": "Respuesta", "author": "Respondió", "createdAt": "Fecha"}},
  "TicketSla": {"properties": {"type": "Tipo de ticket", "responseHours": "Horas para responder", "resolutionHours": "Horas para resolver"}, "labels": {"type": {"FAILURE": "Falla", "SERVICE": "Servicio", "COMPLAINT": "Reclamo", "INFORMATION": "Información"}}},
  "SigSyncRun": {"properties": {"id": "N.º", "startedAt": "Inicio", "finishedAt": "Fin", "state": "Estado", "pagesRead": "Páginas leídas", "found": "Encontrados", "created": "Nuevos", "skipped": "Ya registrados", "errorCode": "Error", "errorValues": "Detalle del error", "errorMessage": "Error"}, "labels": {"state": {"RUNNING": "En curso", "SUCCEEDED": "Correcta", "FAILED": "Falló"}}},
  "WorkOrderMaterial": {"properties": {"workOrder": "Orden de trabajo", "description": "Descripción", "quantity": "Cantidad", "unit": "Unidad"}},
  "KpiSnapshot": {"properties": {"takenAt": "Calculado", "scope": "Ámbito", "scopeId": "Ámbito (id)", "scopeName": "Nombre del ámbito", "metric": "Indicador", "value": "Valor"}, "labels": {"scope": {"PLANT": "Planta", "SITE": "Sede", "CATEGORY": "Categoría"}, "metric": {"MTBF_HOURS": "MTBF (h)", "MTTR_HOURS": "MTTR (h)", "PM_COMPLIANCE_PCT": "Cumplimiento preventivo (%)", "BACKLOG": "Órdenes pendientes", "OVERDUE": "Órdenes vencidas"}}},
  "WorkOrderShare": { "properties": {"workOrder": "Orden de trabajo", "technician": "Compartida con", "createdAt": "Compartida el"} },
  "Location": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "parent": "Ubicación padre",
      "fullName": "Ruta completa",
      "depth": "Nivel",
      "isActive": "Activa",
      "createdAt": "Creada",
      "updatedAt": "Actualizada",
      "subtree": "Sububicaciones",
      "assetsHere": "Activos"
    }
  },
  "AssetCategory": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "description": "Descripción"
    }
  },
  "Asset": {
    "properties": {
      "code": "Código interno",
      "description": "Descripción",
      "location": "Ubicación",
      "category": "Categoría",
      "responsibleUser": "Responsable",
      "status": "Estado",
      "manufacturer": "Fabricante",
      "model": "Modelo",
      "serialNumber": "Número de serie",
      "installedOn": "Instalado el",
      "criticality": "Criticidad",
      "parentAsset": "Activo padre",
      "createdAt": "Creado",
      "updatedAt": "Actualizado",
      "workOrders": "Órdenes de trabajo",
      "measurementPoints": "Puntos de medición",
      "recentReadings": "Lecturas recientes",
      "subAssets": "Subactivos"
    },
    "labels": {
      "status": {
        "IN_SERVICE": "En servicio",
        "STANDBY": "En reserva",
        "OUT_OF_SERVICE": "Fuera de servicio",
        "RETIRED": "Dado de baja"
      },
      "criticality": {
        "A": "A (crítico)",
        "B": "B",
        "C": "C"
      }
    }
  },
  "ImportRun": {
    "properties": {
      "id": "N.º",
      "kind": "Tipo",
      "fileName": "Archivo",
      "user": "Usuario",
      "mode": "Modo",
      "state": "Estado",
      "rowsRead": "Filas leídas",
      "rowsValid": "Filas válidas",
      "rowsRejected": "Filas rechazadas",
      "rowsWritten": "Filas escritas",
      "rowsNew": "Filas nuevas",
      "rowsChanged": "Filas modificadas",
      "rowsUnchanged": "Filas sin cambios",
      "preview": "Solo validación",
      "createMissing": "Crear los que falten",
      "filesRemovedAt": "Archivos borrados el",
      "rowsTotal": "Filas en el archivo",
      "attempts": "Intentos",
      "resumedFromRow": "Reanudada tras la fila",
      "checkpointRow": "Última fila confirmada",
      "progress": "Progreso",
      "errorMessage": "Error",
      "jobId": "Trabajo",
      "startedAt": "Inicio",
      "finishedAt": "Fin",
      "createdAt": "Creado"
    },
    "labels": {
      "mode": {
        "ALL_OR_NOTHING": "Todo o nada",
        "VALID_ROWS": "Solo filas válidas"
      },
      "state": {
        "QUEUED": "En cola",
        "RUNNING": "En curso",
        "SUCCEEDED": "Terminada",
        "PARTIAL": "Parcial",
        "FAILED": "Fallida"
      }
    }
  },
  "MeasurementPoint": {
    "properties": {
      "code": "Código",
      "asset": "Activo",
      "variable": "Variable",
      "unit": "Unidad",
      "minValue": "Mínimo",
      "maxValue": "Máximo",
      "isMeter": "Es contador",
      "energyCarrier": "Energía que mide",
      "rolloverValue": "Vuelve a cero al llegar a",
      "excursionSince": "Fuera de límites desde",
      "lastEvaluatedAt": "Última lectura evaluada",
      "createdAt": "Creado",
      "updatedAt": "Actualizado",
      "readings": "Lecturas"
    },
    "labels": {
      "energyCarrier": {"ELECTRICITY": "Electricidad", "WATER": "Agua", "NATURAL_GAS": "Gas natural", "STEAM": "Vapor", "FUEL": "Combustible", "COMPRESSED_AIR": "Aire comprimido"}
    }
  },
  "Reading": {
    "properties": {
      "measurementPoint": "Punto de medición",
      "takenAt": "Tomada el",
      "value": "Valor",
      "source": "Origen",
      "createdAt": "Registrada"
    },
    "labels": {
      "source": {
        "MANUAL": "Manual",
        "IMPORT": "Importación",
        "SCADA": "SCADA",
        "WORK_ORDER": "Orden de trabajo"
      }
    }
  },
  "MaintenanceType": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "parent": "Tipo padre"
    }
  },
  "Frequency": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "calendarInterval": "Cada (calendario)",
      "calendarUnit": "Unidad de calendario",
      "meterInterval": "Cada (contador)"
    },
    "labels": {
      "calendarUnit": {
        "DAY": "Días",
        "WEEK": "Semanas",
        "MONTH": "Meses"
      }
    }
  },
  "Procedure": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "description": "Descripción",
      "steps": "Pasos"
    }
  },
  "ProcedureStep": {
    "properties": {
      "procedure": "Procedimiento",
      "position": "Orden",
      "instruction": "Instrucción",
      "valueType": "Tipo de valor",
      "unit": "Unidad",
      "minValue": "Mínimo",
      "maxValue": "Máximo"
    },
    "labels": {
      "valueType": {
        "NUMBER": "Número",
        "BOOLEAN": "Sí / No",
        "TEXT": "Texto"
      }
    }
  },
  "Routine": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "maintenanceType": "Tipo",
      "frequency": "Frecuencia",
      "procedure": "Procedimiento",
      "estimatedHours": "Horas estimadas"
    }
  },
  "WorkCalendar": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "workingDays": "Días laborables (1 = lunes)",
      "dayStart": "Inicio de jornada",
      "dayEnd": "Fin de jornada",
      "holidays": "Feriados"
    }
  },
  "CalendarHoliday": {
    "properties": {
      "calendar": "Horario",
      "date": "Fecha",
      "name": "Nombre"
    }
  },
  "MaintenanceSchedule": {
    "properties": {
      "routine": "Rutina",
      "asset": "Activo",
      "calendar": "Horario",
      "meterPoint": "Contador",
      "startsOn": "Desde",
      "endsOn": "Hasta",
      "isActive": "Activa",
      "nextDueOn": "Próximo vencimiento",
      "lastMeterValue": "Última lectura de contador",
      "cycleAnchorOn": "Ciclo desde"
    }
  },
  "WorkRequest": {
    "properties": {
      "id": "N.º",
      "reportedBy": "Reportado por",
      "source": "Origen",
      "measurementPoint": "Punto de medición",
      "asset": "Activo",
      "description": "Descripción",
      "priority": "Prioridad",
      "state": "Estado",
      "rejectionReason": "Motivo del rechazo",
      "reporterName": "Nombre de quien reporta",
      "reporterContact": "Teléfono o correo",
      "createdAt": "Creado",
      "updatedAt": "Actualizado"
    },
    "labels": {
      "source": { "PERSON": "Persona", "CONDITION": "Monitoreo de condición", "PORTAL": "Portal QR", "TREND": "Tendencia de lecturas" },
      "priority": {
        "LOW": "Baja",
        "MEDIUM": "Media",
        "HIGH": "Alta",
        "URGENT": "Urgente"
      },
      "state": {
        "OPEN": "Abierto",
        "IN_REVIEW": "En revisión",
        "CONVERTED": "Convertido en OT",
        "REJECTED": "Rechazado"
      }
    }
  },
  "Technician": {
    "properties": {
      "user": "Usuario",
      "name": "Nombre",
      "craft": "Oficio / puesto",
      "hourlyCost": "Costo por hora",
      "isActive": "Activo"
    }
  },
  "WorkOrder": {
    "properties": {"project": "Proyecto", "serviceContract": "Contrato de servicio", "contractAssignedAt": "Entregada al contratista", "serviceLevel": "SLA del contrato", 
      "number": "Número",
      "kind": "Clase",
      "schedule": "Programación",
      "workRequest": "Aviso",
      "asset": "Activo",
      "technician": "Técnico asignado",
      "state": "Estado",
      "priority": "Prioridad",
      "description": "Descripción",
      "plannedOn": "Fecha planificada",
      "location": "Ubicación",
      "startedAt": "Iniciada",
      "completedAt": "Completada",
      "createdAt": "Creada",
      "updatedAt": "Actualizada",
      "stepValues": "Valores de pasos",
      "cost": "Costo"
    },
    "labels": {
      "kind": {
        "PREVENTIVE": "Preventiva",
        "CORRECTIVE": "Correctiva"
      },
      "state": {
        "PENDING": "Pendiente",
        "ASSIGNED": "Asignada",
        "IN_PROGRESS": "En ejecución",
        "ON_HOLD": "En espera",
        "COMPLETED": "Completada",
        "CLOSED": "Cerrada",
        "CANCELLED": "Cancelada"
      },
      "priority": {
        "LOW": "Baja",
        "MEDIUM": "Media",
        "HIGH": "Alta",
        "URGENT": "Urgente"
      }
    }
  },
  "WorkOrderNote": { "properties": { "workOrder": "Orden de trabajo", "author": "Autor", "text": "Nota", "createdAt": "Escrita el" } },
  "WorkOrderStepValue": {
    "properties": {
      "workOrder": "Orden de trabajo",
      "procedureStep": "Paso",
      "value": "Valor",
      "passed": "Conforme",
      "recordedBy": "Registrado por",
      "recordedAt": "Registrado el"
    }
  },
  "FailureCode": {
    "properties": {
      "code": "Código",
      "name": "Nombre",
      "kind": "Clase",
      "parent": "Depende de"
    },
    "labels": {
      "kind": {
        "PROBLEM": "Problema",
        "CAUSE": "Causa",
        "REMEDY": "Solución"
      }
    }
  },
  "WorkOrderClosure": {
    "properties": {
      "workOrder": "Orden de trabajo",
      "laborHours": "Horas de mano de obra",
      "problem": "Problema",
      "cause": "Causa",
      "remedy": "Solución",
      "observations": "Observaciones",
      "closedBy": "Cerrada por",
      "closedAt": "Cerrada el"
    }
  },
  "User": {
    "properties": {
      "email": "Correo electrónico",
      "name": "Nombre",
      "isActive": "Activo",
      "groups": "Grupos",
      "locale": "Idioma"
    },
    "labels": {
      "locale": {
        "es": "Español",
        "en": "English"
      }
    }
  },
  "Group": {
    "labels": {
      "code": {
        "ADMINISTRATORS": "Administradores",
        "SUPERVISORS": "Supervisores",
        "TECHNICIANS": "Técnicos",
        "CONSULTANTS": "Consultores",
        "OPERATORS": "Operadores"
      }
    }
  },
  "JobIntervention": {"properties": {"action": "Acción", "queue": "Cola", "jobId": "Trabajo (id)", "jobName": "Trabajo", "userId": "Usuario (id)", "createdAt": "Fecha"}, "labels": {"action": {"RETRY": "Reintentar", "CANCEL": "Cancelar", "RUN_NOW": "Ejecutar ahora"}}},
  // inventory
  "Vendor": {"properties": {"serviceContracts": "Contratos de servicio", "slaCompliance": "Cumplimiento de SLA", "code": "Código", "name": "Nombre", "taxId": "RTN / NIF", "contactName": "Contacto", "email": "Correo", "phone": "Teléfono", "isActive": "Activo", "createdAt": "Creado", "updatedAt": "Actualizado", "materials": "Materiales"}},
  "Material": {"properties": {"code": "Código", "description": "Descripción", "unit": "Unidad de medida", "category": "Categoría", "manufacturerPartNumber": "N.º de parte del fabricante", "minimumStock": "Existencia mínima", "reorderPoint": "Punto de pedido", "reorderQuantity": "Cantidad a pedir", "preferredVendor": "Proveedor preferido", "isActive": "Activo", "createdAt": "Creado", "updatedAt": "Actualizado", "stockLevels": "Existencias"}},
  "Warehouse": {"properties": {"code": "Código", "name": "Nombre", "location": "Ubicación", "allowNegativeStock": "Permite existencias negativas", "isActive": "Activo", "createdAt": "Creado", "updatedAt": "Actualizado", "bins": "Ubicaciones de almacén", "stockLevels": "Existencias"}},
  "Bin": {"properties": {"warehouse": "Almacén", "code": "Código", "description": "Descripción", "isActive": "Activa"}},
  "StockLevel": {"properties": {"material": "Material", "warehouse": "Almacén", "bin": "Ubicación de almacén", "onHand": "En existencia", "reserved": "Reservado", "available": "Disponible", "averageCost": "Costo promedio", "movementCount": "Movimientos", "lastMovementAt": "Último movimiento", "movements": "Movimientos"}},
  "StockMovement": {"properties": {"id": "N.º", "kind": "Tipo", "material": "Material", "warehouse": "Almacén", "bin": "Ubicación de almacén", "quantity": "Cantidad", "unitCost": "Costo unitario", "sequence": "Secuencia", "balanceAfter": "Existencia después", "averageCostAfter": "Costo promedio después", "workOrder": "Orden de trabajo", "otherWarehouseId": "Otro almacén", "countedQuantity": "Cantidad contada", "sourceDocument": "Documento de origen", "note": "Nota", "movedBy": "Registrado por", "movedAt": "Fecha"}, "labels": {"kind": {"RECEIPT": "Entrada", "ISSUE": "Salida a orden", "RETURN": "Devolución de orden", "TRANSFER_OUT": "Traslado (salida)", "TRANSFER_IN": "Traslado (entrada)", "ADJUSTMENT": "Ajuste", "COUNT": "Conteo físico"}}},
  "Reservation": {"properties": {"id": "N.º", "material": "Material", "warehouse": "Almacén", "workOrder": "Orden de trabajo", "quantity": "Cantidad reservada", "requested": "Cantidad solicitada", "state": "Estado", "reservedBy": "Reservado por", "createdAt": "Creada", "updatedAt": "Actualizada"}, "labels": {"state": {"OPEN": "Abierta", "ISSUED": "Entregada", "RELEASED": "Liberada"}}},
  "RoutineMaterial": {"properties": {"routine": "Rutina", "material": "Material", "warehouse": "Almacén", "quantity": "Cantidad"}},
  // transmittals (issue 24)
  "Transmittal": {"properties": {"id": "N.º", "number": "Número", "subject": "Asunto", "purpose": "Propósito", "message": "Mensaje", "sender": "Remitente", "state": "Estado", "acknowledgeBy": "Acusar recibo antes del", "sentAt": "Enviado el", "cancelledAt": "Cancelado el", "createdAt": "Creado", "updatedAt": "Actualizado", "documents": "Revisiones enviadas", "recipients": "Destinatarios", "acknowledgements": "Acuses de recibo"}, "labels": {"purpose": {"INFORMATION": "Para información", "APPROVAL": "Para aprobación", "CONSTRUCTION": "Para construcción"}, "state": {"DRAFT": "Borrador", "SENT": "Enviado", "PARTIALLY_ACKNOWLEDGED": "Recibido en parte", "ACKNOWLEDGED": "Recibido por todos", "CANCELLED": "Cancelado"}}},
  "TransmittalDocument": {"properties": {"id": "N.º", "transmittal": "Transmittal", "revision": "Revisión", "sha256": "SHA-256 enviado"}},
  "TransmittalRecipient": {"properties": {"id": "N.º", "transmittal": "Transmittal", "user": "Usuario", "externalContact": "Contacto externo", "linkExpiresAt": "Enlace vence el", "linkRevokedAt": "Enlace revocado el", "emailedAt": "Correo enviado el", "emailError": "Error del correo", "acknowledgement": "Acuse de recibo"}},
  "TransmittalAcknowledgement": {"properties": {"id": "N.º", "recipient": "Destinatario", "transmittal": "Transmittal", "acknowledgedAt": "Recibido el", "name": "Nombre", "email": "Correo", "ip": "IP", "userAgent": "Navegador"}},
  "ExternalContact": {"properties": {"id": "N.º", "name": "Nombre", "email": "Correo", "company": "Empresa", "phone": "Teléfono", "isActive": "Activo", "createdAt": "Creado", "updatedAt": "Actualizado", "recipients": "Transmittals recibidos"}},
  // safety (issue 23)
  "PermitKind": {"properties": {"id": "N.º", "code": "Código", "name": "Nombre", "requiredChecks": "Verificaciones exigidas (una por línea)", "needsGasTest": "Exige prueba de gases", "needsIsolation": "Exige aislamientos (LOTO)", "oxygenMinPct": "Oxígeno mínimo (%)", "oxygenMaxPct": "Oxígeno máximo (%)", "lelMaxPct": "LIE máximo (%)", "h2sMaxPpm": "H₂S máximo (ppm)", "coMaxPpm": "CO máximo (ppm)", "isActive": "Activo", "createdAt": "Creado"}},
  "IsolationPoint": {"properties": {"id": "N.º", "asset": "Activo", "code": "Código", "type": "Tipo", "energyType": "Energía", "locationDescription": "Dónde está", "isActive": "Activo", "createdAt": "Creado"}, "labels": {"type": {"BREAKER": "Interruptor", "DISCONNECT": "Seccionador", "VALVE": "Válvula", "BLIND_FLANGE": "Brida ciega", "PLUG": "Enchufe", "OTHER": "Otro"}, "energyType": {"ELECTRICAL": "Eléctrica", "HYDRAULIC": "Hidráulica", "PNEUMATIC": "Neumática", "MECHANICAL": "Mecánica", "THERMAL": "Térmica", "CHEMICAL": "Química", "GRAVITATIONAL": "Gravitacional"}}},
  "PermitRequirement": {"properties": {"id": "N.º", "permitKind": "Tipo de permiso", "asset": "Activo", "criticality": "Criticidad", "createdAt": "Creado"}, "labels": {"criticality": {"A": "A (crítico)", "B": "B", "C": "C"}}},
  "WorkPermit": {"properties": {"id": "N.º", "number": "Número", "permitKind": "Tipo de permiso", "workOrder": "Orden de trabajo", "asset": "Activo", "description": "Trabajo a realizar", "validFrom": "Válido desde", "validUntil": "Válido hasta", "crew": "Personal en el trabajo (uno por línea)", "precautions": "Precauciones confirmadas (una por línea)", "state": "Estado", "requestedBy": "Solicitado por", "requestedAt": "Solicitado el", "approvedBy": "Aprobado por", "approvedAt": "Aprobado el", "activatedAt": "Activado el", "suspendedAt": "Suspendido el", "suspensionReason": "Motivo de la suspensión", "closedBy": "Cerrado por", "closedAt": "Cerrado el", "cancelledAt": "Cancelado el", "createdAt": "Creado", "updatedAt": "Actualizado", "isolations": "Aislamientos", "gasTests": "Pruebas de gases", "signatures": "Firmas"}, "labels": {"state": {"DRAFT": "Borrador", "REQUESTED": "Solicitado", "APPROVED": "Aprobado", "ACTIVE": "Activo", "SUSPENDED": "Suspendido", "CLOSED": "Cerrado", "CANCELLED": "Cancelado"}, "suspensionReason": {"EXPIRED": "Vencido", "MANUAL": "Suspendido por una persona"}}},
  "PermitIsolation": {"properties": {"id": "N.º", "permit": "Permiso", "isolationPoint": "Punto de aislamiento", "lockNumber": "N.º de candado", "lockedBy": "Bloqueado por", "lockedAt": "Bloqueado el", "verifiedBy": "Energía cero verificada por", "verifiedAt": "Energía cero verificada el", "removedBy": "Retirado por", "removedAt": "Retirado el", "createdAt": "Creado"}},
  "PermitGasTest": {"properties": {"id": "N.º", "permit": "Permiso", "takenBy": "Medido por", "takenAt": "Medido el", "oxygenPct": "Oxígeno (%)", "lelPct": "LIE (%)", "h2sPpm": "H₂S (ppm)", "coPpm": "CO (ppm)", "withinLimits": "Dentro de límites"}},
  "PermitSignature": {"properties": {"id": "N.º", "permit": "Permiso", "purpose": "Firma de", "signer": "Firmante", "signedAt": "Firmado el", "ip": "IP", "userAgent": "Navegador", "sha256": "SHA-256 del contenido"}, "labels": {"purpose": {"APPROVAL": "Aprobación", "CLOSING": "Cierre"}}},
  // health (issue 25)
  "DowntimeEvent": {"properties": {"id": "N.º", "asset": "Activo", "startedAt": "Detenido desde", "endedAt": "En marcha desde", "planned": "Planificada", "reason": "Motivo", "workOrder": "Orden de trabajo", "workRequest": "Solicitud", "notes": "Notas", "durationHours": "Duración (h)", "createdAt": "Creada", "updatedAt": "Actualizada"}, "labels": {"reason": {"FAILURE": "Falla", "PREVENTIVE": "Mantenimiento preventivo", "OPERATIONAL": "Operación (sin demanda, maniobra)", "EXTERNAL": "Causa externa (suministro, clima)", "OTHER": "Otro"}}},
  "AssetHealth": {"properties": {"id": "N.º", "asset": "Activo", "assessedOn": "Evaluado el", "score": "Salud (0–100)", "riskState": "Riesgo", "failureProbability": "Prob. de falla en 30 días", "expectedRemainingDays": "Vida restante esperada (días)", "daysSinceFailure": "Días desde la última falla", "overduePreventive": "Preventivos vencidos", "openExcursions": "Lecturas fuera de límites", "predictedCrossings": "Cruces de límite previstos", "reasons": "Motivos"}, "labels": {"riskState": {"ESTIMATED": "Estimado", "TOO_LITTLE_DATA": "Pocos datos"}}},
  "CategoryReliability": {"properties": {"id": "N.º", "category": "Categoría", "assessedOn": "Evaluado el", "state": "Modelo", "failures": "Fallas observadas", "censored": "Intervalos en curso", "shape": "Forma (β)", "scaleDays": "Escala (días)", "meanDays": "Vida media (días)"}, "labels": {"state": {"FITTED": "Ajustado", "TOO_LITTLE_DATA": "Pocos datos"}}},
  "PointTrend": {"properties": {"id": "N.º", "measurementPoint": "Punto de medición", "assessedOn": "Evaluado el", "state": "Tendencia", "readings": "Lecturas usadas", "slopePerDay": "Pendiente por día", "pivotAt": "Centro del ajuste", "pivotValue": "Valor en el centro", "limitSide": "Límite", "predictedCrossingAt": "Cruce previsto", "earliestCrossingAt": "Cruce, lo antes", "latestCrossingAt": "Cruce, lo después", "workRequest": "Solicitud abierta"}, "labels": {"state": {"CROSSING": "Cruzará el límite en 30 días", "LATER": "Cruzará más adelante", "STEADY": "Estable", "OUTSIDE": "Ya fuera de límites", "TOO_LITTLE_DATA": "Pocos datos"}, "limitSide": {"MAX": "Máximo", "MIN": "Mínimo"}}},
  // safety and audits (issue 23)
  "SafetyIncident": {"properties": {"id": "N.º", "number": "Número", "kind": "Tipo", "location": "Ubicación", "asset": "Activo", "occurredAt": "Ocurrió el", "peopleInvolved": "Personas involucradas (una por línea)", "description": "Qué pasó", "immediateActions": "Acciones inmediatas", "causes": "Investigación: causas", "daysLost": "Días perdidos", "reportedBy": "Reportado por", "createdAt": "Creado", "updatedAt": "Actualizado", "correctiveActions": "Acciones correctivas"}, "labels": {"kind": {"NEAR_MISS": "Casi accidente", "FIRST_AID": "Primeros auxilios", "LOST_TIME": "Lesión con tiempo perdido", "ENVIRONMENTAL": "Ambiental", "PROPERTY_DAMAGE": "Daño a la propiedad"}}},
  "SafetyHoursWorked": {"properties": {"id": "N.º", "location": "Sitio", "year": "Año", "month": "Mes", "hours": "Horas trabajadas", "createdAt": "Creado"}},
  "AuditChecklist": {"properties": {"id": "N.º", "code": "Código", "name": "Nombre", "items": "Puntos a verificar (uno por línea)", "isActive": "Activa", "createdAt": "Creado", "audits": "Auditorías"}},
  "Audit": {"properties": {"id": "N.º", "number": "Número", "title": "Título", "kind": "Tipo", "scope": "Alcance", "location": "Ubicación", "startsOn": "Inicio", "endsOn": "Fin", "auditor": "Auditor", "checklist": "Lista de verificación", "checklistItems": "Puntos a verificar", "state": "Estado", "closedBy": "Cerrada por", "closedAt": "Cerrada el", "createdAt": "Creado", "updatedAt": "Actualizado", "findings": "Hallazgos"}, "labels": {"kind": {"INTERNAL": "Interna", "EXTERNAL": "Externa", "REGULATORY": "Reglamentaria"}, "state": {"PLANNED": "Planificada", "IN_PROGRESS": "En curso", "CLOSED": "Cerrada"}}},
  "AuditFinding": {"properties": {"id": "N.º", "audit": "Auditoría", "title": "Hallazgo", "severity": "Gravedad", "requirement": "Requisito", "description": "Descripción", "createdAt": "Creado", "evidence": "Evidencias", "correctiveActions": "Acciones correctivas"}, "labels": {"severity": {"MAJOR": "No conformidad mayor", "MINOR": "No conformidad menor", "OBSERVATION": "Observación"}}},
  "AuditEvidence": {"properties": {"id": "N.º", "finding": "Hallazgo", "document": "Documento", "createdAt": "Creado"}},
  "CorrectiveAction": {"properties": {"id": "N.º", "number": "Número", "description": "Acción", "finding": "Hallazgo", "incident": "Incidente", "workOrder": "Orden de trabajo", "owner": "Responsable", "dueOn": "Fecha límite", "state": "Estado", "raisedBy": "Registrada por", "startedAt": "Iniciada el", "doneNote": "Lo que se hizo", "doneAt": "Terminada el", "verifiedBy": "Eficacia verificada por", "verifiedAt": "Verificada el", "verificationNote": "Verificación de eficacia", "cancelledAt": "Cancelada el", "cancelReason": "Motivo de la cancelación", "createdAt": "Creado", "updatedAt": "Actualizado"}, "labels": {"state": {"OPEN": "Abierta", "IN_PROGRESS": "En curso", "DONE": "Hecha (por verificar)", "VERIFIED": "Verificada", "CANCELLED": "Cancelada"}}},
  "SiteProduction": {"properties": {"id": "N.º", "location": "Sitio", "month": "Mes", "producedMwh": "Producción (MWh)", "notes": "Notas", "createdAt": "Registrada", "updatedAt": "Actualizada"}},
  "IntegrationToken": {"properties": {"id": "N.º", "name": "Sistema", "scope": "Alcance", "tokenPrefix": "Comienza por", "createdBy": "Creado por", "createdAt": "Creado el", "revokedAt": "Revocado el", "updatedAt": "Actualizado"}, "labels": {"scope": {"readings": "Envío de lecturas", "points:read": "Consulta de puntos de medición"}}},
  // projects and service contracts (issue 24)
  "Project": {"properties": {"id": "N.º", "code": "Código", "name": "Nombre", "description": "Descripción", "manager": "Responsable", "location": "Ubicación", "startsOn": "Inicio", "endsOn": "Fin", "budgetLine": "Línea de presupuesto", "state": "Estado", "createdAt": "Creado", "updatedAt": "Actualizado", "tasks": "Tareas", "workOrders": "Órdenes de trabajo", "requisitions": "Requisiciones", "documents": "Documentos", "figures": "Avance y costos", "gantt": "Cronograma"}, "labels": {"state": {"PLANNED": "Planificado", "IN_PROGRESS": "En curso", "ON_HOLD": "En espera", "COMPLETED": "Completado", "CANCELLED": "Cancelado"}}},
  "ProjectTask": {"properties": {"id": "N.º", "project": "Proyecto", "name": "Tarea", "startsOn": "Inicio", "endsOn": "Fin", "progress": "Avance (%)", "assignee": "Responsable", "createdAt": "Creada", "updatedAt": "Actualizada", "dependencies": "Espera a", "dependents": "La esperan"}},
  "ProjectTaskDependency": {"properties": {"id": "N.º", "task": "Tarea", "dependsOn": "Espera a (tarea previa)"}},
  "ServiceContract": {"properties": {"id": "N.º", "code": "Código", "vendor": "Proveedor", "scope": "Alcance", "startsOn": "Vigente desde", "endsOn": "Vigente hasta", "value": "Valor", "responseHours": "Horas para responder", "resolutionHours": "Horas para resolver", "renewalNoticeDays": "Aviso de renovación (días antes)", "owner": "Responsable", "createdAt": "Creado", "updatedAt": "Actualizado", "assets": "Activos cubiertos", "locations": "Ubicaciones cubiertas", "workOrders": "Órdenes del contratista"}},
  "ServiceContractAsset": {"properties": {"id": "N.º", "contract": "Contrato", "asset": "Activo"}},
  "ServiceContractLocation": {"properties": {"id": "N.º", "contract": "Contrato", "location": "Ubicación"}},
  "Template": {"properties": {"id": "N.º", "kind": "Uso", "language": "Idioma", "name": "Nombre", "body": "Texto de la plantilla", "active": "Activa", "createdAt": "Creada", "updatedAt": "Actualizada"}, "labels": {"kind": {"WORK_ORDER": "Orden de trabajo impresa", "TRANSMITTAL_COVER": "Carátula de transmisión", "NOTIFICATION_EMAIL": "Correo de notificación", "LABEL_SHEET": "Hoja de etiquetas"}, "language": {"es": "Español", "en": "Inglés"}}},
};
